package io.paperboy.store.sqlite.papers;

import io.paperboy.store.Paper;
import io.paperboy.store.SearchHit;
import io.paperboy.store.SearchPage;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QuerySearch;
import io.paperboy.store.sqlite.db.Database;
import io.paperboy.store.sqlite.search.FtsTranslation;
import io.paperboy.store.sqlite.search.ScoredMatches;
import io.paperboy.store.sqlite.search.ScoredPaper;
import io.paperboy.store.sqlite.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The search side of {@link SqlitePaperStore}: the FTS5 index as {@link QuerySearch}'s index
 * (queries translated by {@link FtsTranslation}), the papers of the hits read in the same snapshot.
 * A search first brings the index up to date when {@code saveAll} left papers pending, so it never
 * answers from a stale index.
 */
final class PaperSearch implements QuerySearch.Index {

  private final Database db;
  private final SearchIndex searchIndex;
  private final PaperWrites writes;
  private final PaperReads reads;

  PaperSearch(Database db, SearchIndex searchIndex, PaperWrites writes, PaperReads reads) {
    this.db = db;
    this.searchIndex = searchIndex;
    this.writes = writes;
    this.reads = reads;
  }

  SearchPage search(Query query, int limit) {
    return QuerySearch.search(query, limit, this);
  }

  @Override
  public SearchPage match(Query indexable, int limit) {
    return match(FtsTranslation.expression(indexable), limit);
  }

  @Override
  public List<Paper> recentPapers(int limit) {
    return reads.recentPapers(limit);
  }

  /** See {@link SqlitePaperStore#match}. */
  SearchPage match(String fts5Expression, int limit) {
    if (writes.searchIndexBehind()) {
      writes.refreshSearchIndex();
    }
    return db.read(c -> {
      ScoredMatches scored = searchIndex.match(c, fts5Expression, limit);
      List<Long> ids = new ArrayList<>(scored.best().size());
      scored.best().forEach(s -> ids.add(s.paperId()));
      Map<Long, Paper> papers = PaperReads.byRowId(c, ids);
      List<SearchHit> hits = new ArrayList<>(ids.size());
      for (ScoredPaper s : scored.best()) {
        Paper p = papers.get(s.paperId());
        if (p != null) {
          hits.add(new SearchHit(p, s.score()));
        }
      }
      // the index and the paper rows are read in one snapshot, so every scored paper is found
      return new SearchPage(hits, scored.matches());
    });
  }
}
