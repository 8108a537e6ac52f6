package io.paperboy.store.sqlite.search;

import io.paperboy.store.MatchCount;
import io.paperboy.store.search.SearchTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The FTS5 table {@code paper_fts} (columns {@code title}, {@code authors}, {@code summary}; rowid
 * = {@code paper.id}), filled with {@link SearchTokens} derived from the {@code paper} table. Every
 * method works on a connection the caller supplies: writes inside the caller's write transaction,
 * matches on a read connection.
 *
 * <p>Keeping it current: {@link #reindex} re-derives papers' rows at once; {@link #markPending}
 * only records that they are out of date (table {@code search_pending}) for {@link #indexPending}
 * to catch up later in large batches, which is what keeps bulk ingest fast. Changing the
 * tokenizer's rules needs no re-ingest: a migration runs {@code INSERT INTO paper_fts(paper_fts)
 * VALUES('delete-all')} and {@code INSERT INTO search_pending SELECT id FROM paper}.
 *
 * <p>Ranking: only the {@code rankWindow} most recently added matches (highest {@code paper.id})
 * are ranked, at the price that an older paper outside the window cannot appear however relevant
 * it is; papers are added roughly in date order, so the window holds the newest papers, which are
 * what users of a daily digest mostly look for. When every match fits in the window, they are
 * ranked by bm25 with the title weighted {@value #TITLE_WEIGHT}, authors {@value #AUTHORS_WEIGHT}
 * and the summary {@value #SUMMARY_WEIGHT}, then votes, then newer papers. When there are more,
 * bm25 is not used: it first visits every match of every phrase to weigh the terms (measured at
 * 100k synthetic papers: 60–110 ms for a three-syllable Hangul phrase, against 1–5 ms to walk the
 * newest matches), and a term that common says little about relevance anyway; the window is then
 * ranked by title match, votes and recency.
 *
 * <p>Counting: the matches are counted exactly when they fit the window (the walk that decides
 * between the two rankings has seen them all); beyond it the count is "at least the window plus
 * one", since counting every match would cost what bm25 costs.
 */
public final class SearchIndex {

  /** Column names, usable as FTS5 column filters, e.g. {@code title : "확산 산모 모델"}. */
  public static final List<String> COLUMNS = List.of("title", "authors", "summary");
  /** Matches ranked per search unless configured otherwise. */
  public static final int DEFAULT_RANK_WINDOW = 2_000;

  static final double TITLE_WEIGHT = 5.0;
  static final double AUTHORS_WEIGHT = 2.0;
  static final double SUMMARY_WEIGHT = 1.0;

  private static final String PAPER_TEXT = """
      SELECT title,
             (SELECT group_concat(value, ' ') FROM (SELECT value FROM json_each(paper.authors) ORDER BY key)),
             summary
        FROM paper WHERE id = ?
      """;
  private static final String MATCH = """
      WITH candidate AS MATERIALIZED (
        SELECT rowid AS paper_id, bm25(paper_fts, %s, %s, %s) AS bm25
          FROM paper_fts WHERE paper_fts MATCH ?
         ORDER BY rowid DESC LIMIT ?)
      SELECT c.paper_id, c.bm25
        FROM candidate c JOIN paper p ON p.id = c.paper_id
       ORDER BY c.bm25, p.votes DESC NULLS LAST, p.id DESC
       LIMIT ?
      """.formatted(TITLE_WEIGHT, AUTHORS_WEIGHT, SUMMARY_WEIGHT);

  private static final String NEWEST =
      "SELECT rowid FROM paper_fts WHERE paper_fts MATCH ? ORDER BY rowid DESC LIMIT ?";
  private static final String TITLE_MATCHES =
      "SELECT rowid FROM paper_fts WHERE paper_fts MATCH ? AND rowid >= ? ORDER BY rowid DESC";
  private static final String VOTES = "SELECT id, votes FROM paper WHERE id IN (SELECT value FROM json_each(?))";

  private final int rankWindow;

  public SearchIndex() {
    this(DEFAULT_RANK_WINDOW);
  }

  /** @param rankWindow how many of the newest matches a search ranks (at least 1) */
  public SearchIndex(int rankWindow) {
    if (rankWindow < 1) {
      throw new IllegalArgumentException("rankWindow must be at least 1, was " + rankWindow);
    }
    this.rankWindow = rankWindow;
  }

  /**
   * Replaces the index rows of these papers with tokens of their current title, authors and
   * summary (removing the row of a paper that no longer exists) and clears them from the pending
   * list. Call inside the write transaction that changed them.
   */
  public void reindex(Connection connection, Collection<Long> paperIds) throws SQLException {
    if (paperIds.isEmpty()) {
      return;
    }
    try (PreparedStatement text = connection.prepareStatement(PAPER_TEXT);
        PreparedStatement delete = connection.prepareStatement("DELETE FROM paper_fts WHERE rowid = ?");
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO paper_fts (rowid, title, authors, summary) VALUES (?, ?, ?, ?)");
        PreparedStatement done = connection.prepareStatement("DELETE FROM search_pending WHERE paper_id = ?")) {
      for (long id : paperIds) {
        delete.setLong(1, id);
        delete.executeUpdate();
        text.setLong(1, id);
        try (ResultSet rs = text.executeQuery()) {
          if (rs.next()) {
            insert.setLong(1, id);
            insert.setString(2, SearchTokens.indexText(rs.getString(1)));
            insert.setString(3, SearchTokens.indexText(Objects.toString(rs.getString(2), "")));
            insert.setString(4, SearchTokens.indexText(rs.getString(3)));
            insert.executeUpdate();
          }
        }
        done.setLong(1, id);
        done.executeUpdate();
      }
    }
  }

  /** Records that these papers' index rows are out of date, for {@link #indexPending}. */
  public void markPending(Connection connection, Collection<Long> paperIds) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT INTO search_pending (paper_id) VALUES (?) ON CONFLICT DO NOTHING")) {
      for (long id : paperIds) {
        ps.setLong(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Whether some papers wait for {@link #indexPending}. */
  public boolean hasPending(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM search_pending)")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** Re-indexes up to {@code max} pending papers; returns how many (0 when the index is current). */
  public int indexPending(Connection connection, int max) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT paper_id FROM search_pending ORDER BY paper_id LIMIT ?")) {
      ps.setInt(1, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    reindex(connection, ids);
    return ids.size();
  }

  /**
   * Papers matching an FTS5 expression, best first, and how many match (see the class comment for
   * the order, the rank window and the count). Terms in the expression must be quoted token phrases ({@link FtsTranslation}),
   * since the index holds derived tokens, not the original words;
   * FTS5 operators ({@code AND}, {@code OR}, {@code NOT}, parentheses, {@code NEAR},
   * {@code column :}) may combine them.
   *
   * @throws IllegalArgumentException if FTS5 rejects the expression's syntax
   */
  public ScoredMatches match(Connection connection, String expression, int limit) throws SQLException {
    if (limit < 1) {
      return new ScoredMatches(List.of(), MatchCount.atLeast(0));
    }
    try {
      int window = Math.max(rankWindow, limit);
      List<Long> newest = newestMatches(connection, expression, window + 1);
      if (newest.size() <= window) {
        return new ScoredMatches(bm25(connection, expression, window, limit), MatchCount.exactly(newest.size()));
      }
      return new ScoredMatches(common(connection, expression, newest.subList(0, window), limit),
          MatchCount.atLeast(newest.size()));
    } catch (SQLiteException e) {
      // the statements themselves are fixed and valid, so a plain SQLITE_ERROR can only be the expression
      if (e.getResultCode() == SQLiteErrorCode.SQLITE_ERROR) {
        throw new IllegalArgumentException("not a valid search expression: " + expression + " (" + e.getMessage() + ")", e);
      }
      throw e;
    }
  }

  /** Ids of the newest matches, newest first; FTS5 walks its doclists backwards and stops early. */
  private static List<Long> newestMatches(Connection connection, String expression, int count) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(NEWEST)) {
      ps.setString(1, expression);
      ps.setInt(2, count);
      List<Long> ids = new ArrayList<>(count);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }
  }

  /** Every match fits in the window: bm25 over them all costs little and ranks by relevance. */
  private static List<ScoredPaper> bm25(Connection connection, String expression, int window, int limit)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(MATCH)) {
      ps.setString(1, expression);
      ps.setInt(2, window);
      ps.setInt(3, limit);
      List<ScoredPaper> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ScoredPaper(rs.getLong(1), -rs.getDouble(2)));
        }
      }
      return out;
    }
  }

  /**
   * More matches than the window: bm25 would first visit every match of every phrase to weigh
   * its terms (tens of ms for a common Hangul phrase at 100k papers), and a term found in
   * thousands of papers says little about any one of them anyway. So the window (the newest
   * matches) is ranked by whether the title matches, then votes, then recency.
   */
  private static List<ScoredPaper> common(Connection connection, String expression, List<Long> window, int limit)
      throws SQLException {
    long oldest = window.get(window.size() - 1);
    java.util.Set<Long> inTitle = new java.util.HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(TITLE_MATCHES)) {
      ps.setString(1, "{title} : (" + expression + ")");
      ps.setLong(2, oldest);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inTitle.add(rs.getLong(1));
        }
      }
    } catch (SQLiteException e) {
      // an expression with column filters of its own may not nest under {title}: rank without it
      inTitle.clear();
    }
    StringBuilder ids = new StringBuilder("[");
    for (int i = 0; i < window.size(); i++) {
      ids.append(i == 0 ? "" : ",").append(window.get(i));
    }
    java.util.Map<Long, Integer> votes = new java.util.HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(VOTES)) {
      ps.setString(1, ids.append(']').toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int v = rs.getInt(2);
          votes.put(rs.getLong(1), rs.wasNull() ? -1 : v);
        }
      }
    }
    List<Long> ranked = new ArrayList<>(window);
    ranked.sort(java.util.Comparator.<Long, Boolean>comparing(inTitle::contains).reversed()
        .thenComparing(id -> votes.getOrDefault(id, -1), java.util.Comparator.reverseOrder())
        .thenComparing(java.util.Comparator.reverseOrder()));
    List<ScoredPaper> out = new ArrayList<>(limit);
    for (Long id : ranked.subList(0, Math.min(limit, ranked.size()))) {
      out.add(new ScoredPaper(id, inTitle.contains(id) ? 2.0 : 1.0));
    }
    return out;
  }
}
