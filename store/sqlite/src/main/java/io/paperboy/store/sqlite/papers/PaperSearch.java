package io.paperboy.store.sqlite.papers;

import io.paperboy.store.Paper;
import io.paperboy.store.SearchHit;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QuerySearch;
import io.paperboy.store.sqlite.db.Database;
import io.paperboy.store.sqlite.search.FtsTranslation;
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

  List<SearchHit> search(Query query, int limit) {
    return QuerySearch.search(query, limit, this);
  }

  @Override
  public List<SearchHit> match(Query indexable, int limit) {
    return match(FtsTranslation.expression(indexable), limit);
  }

  @Override
  public List<Paper> recentPapers(int limit) {
    return reads.recentPapers(limit);
  }

  /** See {@link SqlitePaperStore#match}. */
  List<SearchHit> match(String fts5Expression, int limit) {
    if (writes.searchIndexBehind()) {
      writes.refreshSearchIndex();
    }
    return db.read(c -> {
      List<ScoredPaper> scored = searchIndex.match(c, fts5Expression, limit);
      List<Long> ids = new ArrayList<>(scored.size());
      scored.forEach(s -> ids.add(s.paperId()));
      Map<Long, Paper> papers = PaperReads.byRowId(c, ids);
      List<SearchHit> hits = new ArrayList<>(scored.size());
      for (ScoredPaper s : scored) {
        Paper p = papers.get(s.paperId());
        if (p != null) {
          hits.add(new SearchHit(p, s.score()));
        }
      }
      return hits;
    });
  }
}
