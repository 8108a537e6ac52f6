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
 * (highest {@code paper.id}), found and counted by one walk of the index, are ranked by whether the
 * title alone matches the query (score 2, else 1; read from the small {@code title_search} vector),
 * then votes (unknown last), then newer papers; an older match outside the window cannot appear.
 * No term-frequency ranking ({@code ts_rank}): it reads every candidate's whole vector, measured
 * at about four times the search's cost at 10k papers, and a daily digest's readers want the
 * newest, most voted papers among those that match. The count is exact when the matches fit the
 * window, else "at least the window plus one".
 */
final class PaperSearch implements QuerySearch.Index, QueryCounts.Index {

  static final int DEFAULT_RANK_WINDOW = 2_000;

  /**
   * One walk, newest first: the window plus one (its size is the count), the window ranked on the
   * small title vectors read with it, and the full columns of the best only.
   *
   * <p>The {@code tsquery} is written into each predicate (not joined from a CTE) and the
   * statement is planned for its values ({@link #oneShot}), so the planner sees how common the
   * query's lexemes are: a query matching most papers walks the primary key backwards and stops
   * after the window (checking about as many vectors as the window holds), a rare one takes the
   * GIN index. Joined from a CTE, the query was opaque to the planner: the generic plan (what a
   * server-prepared statement may settle on) walked the primary key for any query, and one matching
   * nothing checked every paper's vector (6 s at 100,000 papers).
   */
  private static final String MATCH = """
      WITH newest AS MATERIALIZED (
        SELECT p.id, p.votes, p.title_search FROM paper p WHERE p.search @@ ?::tsquery ORDER BY p.id DESC LIMIT ?),
      best AS (
        SELECT w.id, w.votes, CASE WHEN w.title_search @@ ?::tsquery THEN 2.0 ELSE 1.0 END AS score
          FROM (SELECT * FROM newest ORDER BY id DESC LIMIT ?) w
         ORDER BY score DESC, w.votes DESC NULLS LAST, w.id DESC LIMIT ?)
      SELECT (SELECT count(*) FROM newest) AS matches, b.score, %s
        FROM best b JOIN paper p ON p.id = b.id
       ORDER BY b.score DESC, b.votes DESC NULLS LAST, b.id DESC
      """.formatted(PaperRows.PAPER_COLUMNS);
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
    return db.readStatement(c -> {
      int matches = 0;
      List<SearchHit> hits = new ArrayList<>();
      try (PreparedStatement ps = oneShot(c.prepareStatement(MATCH))) {
        ps.setString(1, tsquery);
        ps.setInt(2, window + 1);
        ps.setString(3, tsquery);
        ps.setInt(4, window);
        ps.setInt(5, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            matches = rs.getInt(1);
            hits.add(new SearchHit(PaperRows.paper(rs, 2), rs.getDouble(2)));
          }
        }
      }
      return new SearchPage(hits, matches <= window ? MatchCount.exactly(matches) : MatchCount.atLeast(matches));
    });
  }

  /**
   * Never a server-side prepared statement: pgJDBC would prepare one after five uses, and
   * PostgreSQL may then settle on a generic plan, made without the {@code tsquery}'s value, which
   * cannot tell a lexeme in every paper from one in none; planning each search is far cheaper than
   * either wrong plan.
   */
  private static PreparedStatement oneShot(PreparedStatement ps) throws SQLException {
    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
    return ps;
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
      try (PreparedStatement ps = oneShot(c.prepareStatement(COUNT_PER_DAY))) {
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
      try (PreparedStatement ps = oneShot(c.prepareStatement(sql))) {
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
