package io.paperboy.store.postgresql.papers;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import io.paperboy.store.postgresql.db.PgText;
import io.paperboy.store.postgresql.db.Sql;
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
  /*
   * The paper rows of a day in one statement, from arrays: the row keeps the view of its newest
   * date (an older day only widens first_seen), and RETURNING says which rows this statement
   * inserted (xmax = 0) rather than updated. Two instances saving the same day at once serialise
   * on the rows' locks, so exactly one of them sees a paper as new: alerts fire once, whichever
   * instance ingested it.
   */
  private static final String UPSERT_PAPERS = """
      INSERT INTO paper AS p (arxiv_id, title, url, votes, authors, media, summary, first_seen, last_seen, search,
                              title_search, authors_more)
      SELECT arxiv_id, title, url, votes, authors::jsonb, media, summary, day, day, search::tsvector,
             title_search::tsvector, authors_more
        FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::boolean[])
               AS r (arxiv_id, title, url, votes, authors, media, summary, search, title_search, authors_more),
             (SELECT ?::date AS day) d
      ON CONFLICT (arxiv_id) DO UPDATE SET
        title = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.title ELSE p.title END,
        url = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.url ELSE p.url END,
        votes = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.votes ELSE p.votes END,
        authors = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.authors ELSE p.authors END,
        authors_more = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.authors_more ELSE p.authors_more END,
        media = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.media ELSE p.media END,
        summary = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.summary ELSE p.summary END,
        search = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.search ELSE p.search END,
        title_search = CASE WHEN excluded.last_seen >= p.last_seen THEN excluded.title_search ELSE p.title_search END,
        first_seen = least(p.first_seen, excluded.first_seen),
        last_seen  = greatest(p.last_seen, excluded.last_seen)
      RETURNING arxiv_id, (xmax = 0) AS inserted
      """;
  private static final String INSERT_ENTRY =
      "INSERT INTO digest_entry (" + PaperRows.ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)";
  /** After a day stopped listing a paper: its first and newest day, and the view, from the days that still list it. */
  private static final String AFTER_REMOVAL = """
      UPDATE paper p SET first_seen = s.first, last_seen = e.date, title = e.title, url = e.url, votes = e.votes,
             authors = e.authors, authors_more = e.authors_more, media = e.media, summary = e.summary
        FROM (SELECT min(date) AS first, max(date) AS last FROM digest_entry WHERE arxiv_id = ?) s
        JOIN digest_entry e ON e.arxiv_id = ? AND e.date = s.last
       WHERE p.arxiv_id = ? AND (p.first_seen = ? OR p.last_seen = ?)
      RETURNING p.id, p.title, p.authors, p.summary
      """;

  private final Clock clock;

  DigestWriter(Clock clock) {
    this.clock = clock;
  }

  /** Saves the digests in order, preparing each statement once for all of them. */
  List<IngestResult> save(Connection c, List<Digest> digests) throws SQLException {
    List<IngestResult> results = new ArrayList<>(digests.size());
    try (PreparedStatement listedOn = c.prepareStatement(
            "SELECT " + PaperRows.ENTRY_COLUMNS + " FROM digest_entry WHERE date = ?");
        PreparedStatement upsertDigest = c.prepareStatement(UPSERT_DIGEST);
        PreparedStatement deleteDay = c.prepareStatement("DELETE FROM digest_entry WHERE date = ?");
        PreparedStatement upsertPapers = c.prepareStatement(UPSERT_PAPERS);
        PreparedStatement insertEntry = c.prepareStatement(INSERT_ENTRY)) {
      for (Digest digest : digests) {
        List<DigestEntry> entries = inRankOrder(digest);
        LocalDate date = digest.date();
        // the day's row first: it locks the day, so an instance saving the same day waits here
        // for this transaction and then reads what it stored (READ COMMITTED: a fresh snapshot
        // per statement), instead of both inserting the same entries
        upsertDigest.setObject(1, date);
        Sql.setText(upsertDigest, 2, digest.source());
        Sql.setInstant(upsertDigest, 3, clock.instant());
        upsertDigest.executeUpdate();
        Map<String, DigestEntry> before = listedOn(listedOn, date);
        // deleting the day's rows and inserting the new list handles rank reshuffles without
        // tripping UNIQUE (date, rank) midway, and drops entries the new list no longer has
        if (!before.isEmpty()) {
          deleteDay.setObject(1, date);
          deleteDay.executeUpdate();
        }
        Set<String> inserted = entries.isEmpty() ? Set.of() : upsertPapers(c, upsertPapers, date, entries);
        List<String> newPapers = new ArrayList<>();
        for (DigestEntry e : entries) {
          if (inserted.contains(e.arxivId())) {
            newPapers.add(e.arxivId());
          }
          bindEntry(insertEntry, e, PaperRows.authorsJson(e.authors()));
          insertEntry.addBatch();
        }
        if (!entries.isEmpty()) {
          insertEntry.executeBatch();
        }
        Set<String> listed = new HashSet<>();
        int updated = 0;
        int unchanged = 0;
        for (DigestEntry e : entries) {
          listed.add(e.arxivId());
          DigestEntry old = before.get(e.arxivId());
          if (old != null) {
            // records compare every stored field, the rank and the author cut included
            if (old.equals(e)) {
              unchanged++;
            } else {
              updated++;
            }
          }
        }
        int removed = 0;
        for (String id : before.keySet()) {
          if (!listed.contains(id)) {
            removed++;
            afterRemoval(c, id, date);
          }
        }
        results.add(new IngestResult(date, entries.size() - updated - unchanged, updated, unchanged, removed,
            newPapers));
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

  /** The day's entries as stored before this save, by arXiv id. */
  private static Map<String, DigestEntry> listedOn(PreparedStatement ps, LocalDate date) throws SQLException {
    Map<String, DigestEntry> entries = new HashMap<>();
    ps.setObject(1, date);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        DigestEntry e = PaperRows.entry(rs);
        entries.put(e.arxivId(), e);
      }
    }
    return entries;
  }

  /** Upserts the day's papers in one statement; answers the ids it inserted (the papers new to the store). */
  private static Set<String> upsertPapers(Connection c, PreparedStatement ps, LocalDate date, List<DigestEntry> entries)
      throws SQLException {
    int n = entries.size();
    Object[] ids = new Object[n];
    Object[] titles = new Object[n];
    Object[] urls = new Object[n];
    Object[] votes = new Object[n];
    Object[] authors = new Object[n];
    Object[] media = new Object[n];
    Object[] summaries = new Object[n];
    Object[] vectors = new Object[n];
    Object[] titleVectors = new Object[n];
    Object[] authorsMore = new Object[n];
    for (int i = 0; i < n; i++) {
      DigestEntry e = entries.get(i);
      ids[i] = e.arxivId();
      titles[i] = PgText.store(e.title());
      urls[i] = PgText.store(e.url());
      votes[i] = e.votes().orElse(null);
      authors[i] = PaperRows.authorsJson(e.authors());
      media[i] = PgText.store(e.media().orElse(null));
      summaries[i] = PgText.store(e.summary());
      vectors[i] = SearchVectors.vector(e.title(), e.authors(), e.summary());
      titleVectors[i] = SearchVectors.titleVector(e.title());
      authorsMore[i] = e.authorsMore();
    }
    ps.setArray(1, c.createArrayOf("text", ids));
    ps.setArray(2, c.createArrayOf("text", titles));
    ps.setArray(3, c.createArrayOf("text", urls));
    ps.setArray(4, c.createArrayOf("integer", votes));
    ps.setArray(5, c.createArrayOf("text", authors));
    ps.setArray(6, c.createArrayOf("text", media));
    ps.setArray(7, c.createArrayOf("text", summaries));
    ps.setArray(8, c.createArrayOf("text", vectors));
    ps.setArray(9, c.createArrayOf("text", titleVectors));
    ps.setArray(10, c.createArrayOf("boolean", authorsMore));
    ps.setObject(11, date);
    Set<String> inserted = new HashSet<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (rs.getBoolean(2)) {
          inserted.add(rs.getString(1));
        }
      }
    }
    return inserted;
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
    ps.setBoolean(10, e.authorsMore());
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
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE paper SET search = ?::tsvector, title_search = ?::tsvector WHERE id = ?")) {
      ps.setString(1, SearchVectors.vector(title, authors, summary));
      ps.setString(2, SearchVectors.titleVector(title));
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }
}
