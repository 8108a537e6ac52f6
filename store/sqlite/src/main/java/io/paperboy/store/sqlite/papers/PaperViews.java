package io.paperboy.store.sqlite.papers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Keeps a paper row's view (and first/last seen) in step with the days that still list it. */
final class PaperViews {

  private PaperViews() {}

  /**
   * After {@code date} stopped listing the paper: if that day was its first or newest, take them
   * from the days that still list it, and the view from the newest of those. A paper no day lists
   * any more keeps its row unchanged (papers stay known).
   *
   * @return the paper's id when its indexed text changed
   */
  static Optional<Long> afterRemoval(Connection c, String arxivId, String date) throws SQLException {
    long id;
    String firstSeen;
    String lastSeen;
    String oldText;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, first_seen, last_seen, title || char(0) || authors || char(0) || summary FROM paper WHERE arxiv_id = ?")) {
      ps.setString(1, arxivId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getLong(1);
        firstSeen = rs.getString(2);
        lastSeen = rs.getString(3);
        oldText = rs.getString(4);
      }
    }
    if (!firstSeen.equals(date) && !lastSeen.equals(date)) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement("""
        UPDATE paper SET
          (first_seen, last_seen, title, url, votes, authors, authors_more, media, summary) =
          (SELECT s.first, e.date, e.title, e.url, e.votes, e.authors, e.authors_more, e.media, e.summary
             FROM (SELECT min(date) AS first, max(date) AS last FROM digest_entry WHERE arxiv_id = ?1) s
             JOIN digest_entry e ON e.arxiv_id = ?1 AND e.date = s.last)
        WHERE id = ?2 AND EXISTS (SELECT 1 FROM digest_entry WHERE arxiv_id = ?1)
        RETURNING title || char(0) || authors || char(0) || summary
        """)) {
      ps.setString(1, arxivId);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && !rs.getString(1).equals(oldText) ? Optional.of(id) : Optional.empty();
      }
    }
  }
}
