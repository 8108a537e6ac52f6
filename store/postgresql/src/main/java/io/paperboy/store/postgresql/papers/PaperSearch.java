package io.paperboy.store.postgresql.papers;

import io.paperboy.store.MatchCount;
import io.paperboy.store.Paper;
import io.paperboy.store.SearchHit;
import io.paperboy.store.SearchPage;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.db.PgText;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryCounts;
import io.paperboy.store.query.QuerySearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The search and counting side of {@link PgPaperStore}: the GIN-indexed {@code paper.search}
 * vector as {@link QuerySearch}'s and {@link QueryCounts}'s index, queries as {@code tsquery}
 * literals ({@link SearchVectors}).
 *
 * <p>Ranking, as on SQLite, looks at a bounded window: the {@code rankWindow} newest matches
 * (highest {@code paper.id}) are ranked by {@code ts_rank} with the default weights (title A 1.0,
 * authors B 0.4, summary D 0.1), then votes (unknown last), then newer papers; an older match
 * outside the window cannot appear. The count is exact when the matches fit the window, else
 * "at least the window plus one".
 */
final class PaperSearch implements QuerySearch.Index, QueryCounts.Index {

  static final int DEFAULT_RANK_WINDOW = 2_000;

  private static final String MATCH = """
      WITH candidate AS MATERIALIZED (
        SELECT id, votes, ts_rank(search, q.query) AS score
          FROM paper, (SELECT ?::tsquery AS query) q
         WHERE search @@ q.query
         ORDER BY id DESC LIMIT ?)
      SELECT c.score, %s
        FROM candidate c JOIN paper p ON p.id = c.id
       ORDER BY c.score DESC, c.votes DESC NULLS LAST, c.id DESC
       LIMIT ?
      """.formatted(PaperRows.PAPER_COLUMNS);
  private static final String COUNT = "SELECT count(*) FROM (SELECT 1 FROM paper WHERE search @@ ?::tsquery LIMIT ?) m";
  private static final String COUNT_PER_DAY = """
      SELECT first_seen, count(*) FROM paper
       WHERE search @@ ?::tsquery AND first_seen BETWEEN ? AND ? GROUP BY first_seen
      """;
  private static final String LISTED =
      "SELECT first_seen, title, authors, summary FROM paper WHERE first_seen BETWEEN ? AND ?";

  private final Database db;
  private final PaperReads reads;
  private final int rankWindow;

  PaperSearch(Database db, PaperReads reads, int rankWindow) {
    if (rankWindow < 1) {
      throw new IllegalArgumentException("rankWindow must be at least 1, was " + rankWindow);
    }
    this.db = db;
    this.reads = reads;
    this.rankWindow = rankWindow;
  }

  SearchPage search(Query query, int limit) {
    return QuerySearch.search(query, limit, this);
  }

  @Override
  public SearchPage match(Query indexable, int limit) {
    return match(SearchVectors.query(indexable), limit);
  }

  /** Papers matching a {@code tsquery} literal over this backend's vectors, ranked as the class says. */
  SearchPage match(String tsquery, int limit) {
    if (limit < 1) {
      return SearchPage.none();
    }
    int window = Math.max(rankWindow, limit);
    return db.read(c -> {
      int matches = count(c, tsquery, window + 1);
      List<SearchHit> hits = new ArrayList<>();
      if (matches > 0) {
        try (PreparedStatement ps = c.prepareStatement(MATCH)) {
          ps.setString(1, tsquery);
          ps.setInt(2, window);
          ps.setInt(3, limit);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              hits.add(new SearchHit(PaperRows.paper(rs, 1), rs.getDouble(1)));
            }
          }
        }
      }
      return new SearchPage(hits, matches <= window ? MatchCount.exactly(matches) : MatchCount.atLeast(matches));
    });
  }

  private static int count(Connection c, String tsquery, int max) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COUNT)) {
      ps.setString(1, tsquery);
      ps.setInt(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Override
  public List<Paper> recentPapers(int limit) {
    return reads.recentPapers(limit);
  }

  @Override
  public Map<LocalDate, Integer> countFirstListed(Query indexable, LocalDate from, LocalDate to) {
    return countPerDay(SearchVectors.query(indexable), from, to);
  }

  /** tsquery's {@code !}: the positive part and none of the excluded, counted by the database. */
  @Override
  public Optional<Map<LocalDate, Integer>> countFirstListedExcluding(Query indexable, List<Query> excluded,
      LocalDate from, LocalDate to) {
    return Optional.of(countPerDay(SearchVectors.excluding(indexable, excluded), from, to));
  }

  private Map<LocalDate, Integer> countPerDay(String tsquery, LocalDate from, LocalDate to) {
    return db.readStatement(c -> {
      Map<LocalDate, Integer> perDay = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(COUNT_PER_DAY)) {
        ps.setString(1, tsquery);
        ps.setObject(2, from);
        ps.setObject(3, to);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            perDay.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
          }
        }
      }
      return perDay;
    });
  }

  @Override
  public void firstListed(Optional<Query> indexable, LocalDate from, LocalDate to, Consumer<QueryCounts.Listed> sink) {
    String sql = LISTED + (indexable.isPresent() ? " AND search @@ ?::tsquery" : "");
    db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(PaperReads.FETCH);
        ps.setObject(1, from);
        ps.setObject(2, to);
        if (indexable.isPresent()) {
          ps.setString(3, SearchVectors.query(indexable.get()));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(new QueryCounts.Listed(rs.getObject(1, LocalDate.class),
                PgText.load(rs.getString(2)), PaperRows.authors(rs.getString(3)),
                PgText.load(rs.getString(4))));
          }
        }
      }
      return null;
    });
  }
}
