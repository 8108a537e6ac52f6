package io.paperboy.store.query;

import io.paperboy.store.MatchCount;
import io.paperboy.store.Paper;
import io.paperboy.store.SearchHit;
import io.paperboy.store.SearchPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link io.paperboy.store.PaperStore#searchPage} for any backend: the backend's full-text index finds
 * (and ranks) a superset of the matches from the part of the query it can evaluate — terms and
 * phrases, with their fields, combined by AND and OR ({@link #indexable}) — and
 * {@link QueryMatcher} keeps the exact matches when the query also has exclusions or regular
 * expressions. A query the index cannot narrow at all (only regular expressions) is checked on the
 * newest papers. A backend supplies only its {@link Index}.
 */
public final class QuerySearch {

  /** What a backend's full-text index does for a search. */
  public interface Index {

    /**
     * The best {@code limit} papers matching {@code indexable}, best first, and how many match: a
     * tree of only {@link Query.Term}, {@link Query.And} and {@link Query.Or}, as {@link #indexable}
     * makes it. A term matches when its {@link Query.Term#tokens() tokens} occur consecutively in
     * its field (any field when it has none). The count is exact at least up to 100 matches.
     */
    SearchPage match(Query indexable, int limit);

    /** The most recently first-listed papers, newest first. */
    List<Paper> recentPapers(int limit);
  }

  /** Candidates fetched from the index when results must be filtered afterwards. */
  static final int CANDIDATES = 500;
  /** Papers scanned, newest first, when nothing in the query can use the index (only regexes). */
  static final int SCAN = 5_000;

  private QuerySearch() {}

  /**
   * The best {@code limit} matches of {@code query} and their count; nothing, without asking the
   * index, when {@code limit < 1}. When matches are filtered here, every candidate is checked (they
   * are read anyway), so the count is exact whenever the candidates held every match of the
   * index's part of the query, and a lower bound otherwise.
   */
  public static SearchPage search(Query query, int limit, Index index) {
    if (limit < 1) {
      return SearchPage.none();
    }
    Optional<Query> narrowing = indexable(query);
    if (narrowing.isPresent() && exact(query)) {
      return index.match(narrowing.get(), limit);
    }
    List<SearchHit> candidates;
    boolean everyMatchACandidate;
    if (narrowing.isPresent()) {
      SearchPage page = index.match(narrowing.get(), CANDIDATES);
      candidates = page.hits();
      everyMatchACandidate = !page.more();
    } else {
      candidates = new ArrayList<>();
      for (Paper p : index.recentPapers(SCAN)) {
        candidates.add(new SearchHit(p, 0));
      }
      everyMatchACandidate = candidates.size() < SCAN;
    }
    List<SearchHit> hits = new ArrayList<>();
    int matched = 0;
    for (SearchHit c : candidates) {
      Paper p = c.paper();
      if (QueryMatcher.matches(query, new MatchableText(p.title(), p.authors(), p.summary()))) {
        matched++;
        if (hits.size() < limit) {
          hits.add(c);
        }
      }
    }
    return new SearchPage(hits, everyMatchACandidate ? MatchCount.exactly(matched) : MatchCount.atLeast(matched));
  }

  /**
   * The part of {@code query} an index can evaluate, matching a superset of it: terms keep their
   * fields, AND and OR keep their shape, exclusions and regular expressions are left out (an OR
   * with such an alternative cannot narrow anything). Single-part groups are unwrapped. Empty when
   * nothing narrows the search.
   */
  public static Optional<Query> indexable(Query query) {
    if (query instanceof Query.Term) {
      return Optional.of(query);
    }
    if (query instanceof Query.Regex || query instanceof Query.Not) {
      return Optional.empty();
    }
    if (query instanceof Query.And a) {
      List<Query> parts = new ArrayList<>();
      for (Query p : a.parts()) {
        indexable(p).ifPresent(parts::add);
      }
      return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : new Query.And(parts));
    }
    List<Query> parts = new ArrayList<>();
    for (Query p : ((Query.Or) query).parts()) {
      Optional<Query> c = indexable(p);
      if (c.isEmpty()) {
        // one unconstrained alternative makes the whole OR unconstrained
        return Optional.empty();
      }
      parts.add(c.get());
    }
    return Optional.of(parts.size() == 1 ? parts.get(0) : new Query.Or(parts));
  }

  /** Whether the index alone decides the query: no exclusions or regular expressions to check. */
  public static boolean exact(Query query) {
    if (query instanceof Query.Term) {
      return true;
    }
    if (query instanceof Query.Regex || query instanceof Query.Not) {
      return false;
    }
    List<Query> parts = query instanceof Query.And a ? a.parts() : ((Query.Or) query).parts();
    return parts.stream().allMatch(QuerySearch::exact);
  }
}
