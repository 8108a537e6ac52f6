package io.paperboy.store.query;

import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /search} in the query language, on top of the full-text index: the index finds (and ranks:
 * relevance, then votes) a superset of the matches, and {@link QueryMatcher} keeps the exact ones
 * when the query has exclusions or regular expressions the index cannot express.
 */
public final class QuerySearch {

  /** Candidates fetched from the index when results must be filtered afterwards. */
  static final int CANDIDATES = 500;
  /** Papers scanned, newest first, when nothing in the query can use the index (only regexes). */
  static final int SCAN = 5_000;

  private final PaperStore store;

  public QuerySearch(PaperStore store) {
    this.store = store;
  }

  /** The best {@code limit} matches of {@code query}. */
  public List<SearchHit> search(Query query, int limit) {
    Optional<String> expression = FtsTranslation.candidates(query);
    if (expression.isPresent() && FtsTranslation.exact(query)) {
      return store.match(expression.get(), limit);
    }
    List<SearchHit> candidates;
    if (expression.isPresent()) {
      candidates = store.match(expression.get(), CANDIDATES);
    } else {
      candidates = new ArrayList<>();
      for (Paper p : store.recentPapers(SCAN)) {
        candidates.add(new SearchHit(p, 0));
      }
    }
    List<SearchHit> hits = new ArrayList<>();
    for (SearchHit c : candidates) {
      Paper p = c.paper();
      if (QueryMatcher.matches(query, new MatchableText(p.title(), p.authors(), p.summary()))) {
        hits.add(c);
        if (hits.size() == limit) {
          break;
        }
      }
    }
    return hits;
  }
}
