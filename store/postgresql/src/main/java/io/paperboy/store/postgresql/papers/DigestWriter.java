package io.paperboy.store.postgresql.papers;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes digests, day by day, inside the caller's write transaction. Each paper row carries its
 * search vector ({@link SearchVectors}), written with the row, so a day is searchable when its
 * transaction commits and nothing is ever indexed later.
 */
final class DigestWriter {

  private static final String UPSERT_DIGEST = """
      INSERT INTO digest (date, source, ingested_at) VALUES (?, ?, ?)
      ON CONFLICT (date) DO UPDATE SET source = excluded.source, ingested_at = excluded.ingested_at
      """;
  // The paper row keeps the view of its newest date: an older day only widens first_seen.
  private static final String UPSERT_PAPER = """
      INSERT INTO paper AS p (arxiv_id, title, url, votes, authors, media, summary, first_seen, last_seen, search)
      VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::tsvector)
      ON CONFLICT (arxiv_id) DO UPDATE SET
        title = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.title ELSE p.title END,
        url = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.url ELSE p.url END,
        votes = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.votes ELSE p.votes END,
        authors = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.authors ELSE p.authors END,
        media = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.media ELSE p.media END,
        summary = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.summary ELSE p.summary END,
        search = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.search ELSE p.search END,
        first_seen = least(p.first_seen, excluded.first_seen),
        last_seen  = greatest(p.last_seen, excluded.last_seen)
      """;
  private static final String INSERT_ENTRY =
      "INSERT INTO digest_entry (" + PaperRows.ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";
  /** After a day stopped listing a paper: its first and newest day, and the view, from the days that still list it. */
  private static final String AFTER_REMOVAL = """
      UPDATE paper p SET first_seen = s.first, last_seen = e.date, title = e.title, url = e.url, votes = e.votes,
             authors = e.authors, media = e.media, summary = e.summary
        FROM (SELECT min(date) AS first, max(date) AS last FROM digest_entry WHERE arxiv_id = ?) s
        JOIN digest_entry e ON e.arxiv_id = ? AND e.date = s.last
       WHERE p.arxiv_id = ? AND (p.first_seen = ? OR p.last_seen = ?)
      RETURNING p.id, p.title, p.authors, p.summary
      """;

  private final Clock clock;

  DigestWriter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Serializes ingests across every instance on the database (a transaction-scoped advisory
   * lock, released at commit). Two instances storing the same new day at once would otherwise
   * both read "not listed yet": one then trips the entries' unique key, or both count the same
   * papers as new and each alerts them. Under READ COMMITTED every statement after the lock sees
   * what the previous holder committed. Ingests are rare (a day every few minutes at most), so
   * waiting costs nothing that matters.
   */
  static final long INGEST_LOCK = 0x7061706572626f79L; // "paperboy"

  /** Saves the digests in order, preparing each statement once for all of them. */
  List<IngestResult> save(Connection c, List<Digest> digests) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, INGEST_LOCK);
      lock.execute();
    }
    List<IngestResult> results = new ArrayList<>(digests.size());
    try (PreparedStatement listedOn = c.prepareStatement("SELECT arxiv_id FROM digest_entry WHERE date = ?");
        PreparedStatement known = c.prepareStatement("SELECT arxiv_id FROM paper WHERE arxiv_id = ANY (?)");
        PreparedStatement upsertDigest = c.prepareStatement(UPSERT_DIGEST);
        PreparedStatement deleteDay = c.prepareStatement("DELETE FROM digest_entry WHERE date = ?");
        PreparedStatement upsertPaper = c.prepareStatement(UPSERT_PAPER);
        PreparedStatement insertEntry = c.prepareStatement(INSERT_ENTRY)) {
      for (Digest digest : digests) {
        List<DigestEntry> entries = inRankOrder(digest);
        LocalDate date = digest.date();
        Set<String> before = ids(listedOn, date);
        Set<String> seen = known(c, known, entries);

        upsertDigest.setObject(1, date);
        Sql.setText(upsertDigest, 2, digest.source());
        Sql.setInstant(upsertDigest, 3, clock.instant());
        upsertDigest.executeUpdate();
        // deleting the day's rows and inserting the new list handles rank reshuffles without
        // tripping UNIQUE (date, rank) midway, and drops entries the new list no longer has
        if (!before.isEmpty()) {
          deleteDay.setObject(1, date);
          deleteDay.executeUpdate();
        }
        List<String> newPapers = new ArrayList<>();
        for (DigestEntry e : entries) {
          String authors = PaperRows.authorsJson(e.authors());
          if (!seen.contains(e.arxivId())) {
            newPapers.add(e.arxivId());
          }
          bindPaper(upsertPaper, e, authors);
          upsertPaper.addBatch();
          bindEntry(insertEntry, e, authors);
          insertEntry.addBatch();
        }
        if (!entries.isEmpty()) {
          upsertPaper.executeBatch();
          insertEntry.executeBatch();
        }
        Set<String> listed = new HashSet<>();
        entries.forEach(e -> listed.add(e.arxivId()));
        int removed = 0;
        int updated = 0;
        for (String id : before) {
          if (listed.contains(id)) {
            updated++;
          } else {
            removed++;
            afterRemoval(c, id, date);
          }
        }
        results.add(new IngestResult(date, entries.size() - updated, updated, removed, newPapers));
      }
    }
    return results;
  }

  private static List<DigestEntry> inRankOrder(Digest digest) {
    List<DigestEntry> entries = new ArrayList<>(digest.entries());
    entries.sort(Comparator.comparingInt(DigestEntry::rank));
    Map<String, Integer> rankById = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      DigestEntry e = entries.get(i);
      if (i > 0 && entries.get(i - 1).rank() == e.rank()) {
        throw new IllegalArgumentException("digest " + digest.date() + " (" + digest.source() + ") has two entries at rank "
            + e.rank() + ": " + entries.get(i - 1).arxivId() + " and " + e.arxivId());
      }
      Integer other = rankById.putIfAbsent(e.arxivId(), e.rank());
      if (other != null) {
        throw new IllegalArgumentException("digest " + digest.date() + " (" + digest.source() + ") lists paper "
            + e.arxivId() + " twice, at ranks " + other + " and " + e.rank());
      }
    }
    return entries;
  }

  private static Set<String> ids(PreparedStatement ps, LocalDate date) throws SQLException {
    Set<String> ids = new HashSet<>();
    ps.setObject(1, date);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static Set<String> known(Connection c, PreparedStatement ps, List<DigestEntry> entries) throws SQLException {
    Set<String> known = new HashSet<>();
    if (entries.isEmpty()) {
      return known;
    }
    Array ids = c.createArrayOf("text", entries.stream().map(DigestEntry::arxivId).toArray());
    ps.setArray(1, ids);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        known.add(rs.getString(1));
      }
    }
    return known;
  }

  private static void bindPaper(PreparedStatement ps, DigestEntry e, String authors) throws SQLException {
    ps.setString(1, e.arxivId());
    Sql.setText(ps, 2, e.title());
    Sql.setText(ps, 3, e.url());
    Sql.setOptionalInt(ps, 4, e.votes());
    ps.setString(5, authors);
    Sql.setOptionalText(ps, 6, e.media());
    Sql.setText(ps, 7, e.summary());
    ps.setObject(8, e.date());
    ps.setObject(9, e.date());
    ps.setString(10, SearchVectors.vector(e.title(), e.authors(), e.summary()));
  }

  private static void bindEntry(PreparedStatement ps, DigestEntry e, String authors) throws SQLException {
    ps.setObject(1, e.date());
    ps.setInt(2, e.rank());
    ps.setString(3, e.arxivId());
    Sql.setText(ps, 4, e.title());
    Sql.setText(ps, 5, e.url());
    Sql.setOptionalInt(ps, 6, e.votes());
    ps.setString(7, authors);
    Sql.setOptionalText(ps, 8, e.media());
    Sql.setText(ps, 9, e.summary());
  }

  /**
   * After {@code date} stopped listing the paper: if that day was its first or newest, take them
   * from the days that still list it, the view from the newest of those, and its search vector
   * from that view. A paper no day lists any more keeps its row (papers stay known).
   */
  private static void afterRemoval(Connection c, String arxivId, LocalDate date) throws SQLException {
    long id;
    String title;
    List<String> authors;
    String summary;
    try (PreparedStatement ps = c.prepareStatement(AFTER_REMOVAL)) {
      ps.setString(1, arxivId);
      ps.setString(2, arxivId);
      ps.setString(3, arxivId);
      ps.setObject(4, date);
      ps.setObject(5, date);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        id = rs.getLong(1);
        title = Sql.text(rs, 2);
        authors = PaperRows.authors(rs.getString(3));
        summary = Sql.text(rs, 4);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE paper SET search = ?::tsvector WHERE id = ?")) {
      ps.setString(1, SearchVectors.vector(title, authors, summary));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }
}
