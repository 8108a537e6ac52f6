package io.paperboy.store.sqlite.papers;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import io.paperboy.store.sqlite.search.SearchIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes digests, day by day, inside the caller's write transaction. */
final class DigestWriter {

  /** How the search index learns about changed papers. */
  enum Indexing {
    /** Re-index in the same transaction: the day is searchable on commit. */
    NOW,
    /** Only mark them pending; a later catch-up indexes them in bulk. */
    DEFERRED
  }

  private static final String UPSERT_DIGEST = """
      INSERT INTO digest (date, source, ingested_at) VALUES (?, ?, ?)
      ON CONFLICT (date) DO UPDATE SET source = excluded.source, ingested_at = excluded.ingested_at
      """;
  // The paper row keeps the view of its newest date: an older day only widens first_seen.
  private static final String UPSERT_PAPER = """
      INSERT INTO paper (arxiv_id, title, url, votes, authors, media, summary, first_seen, last_seen, authors_more)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (arxiv_id) DO UPDATE SET
        title   = iif(excluded.last_seen >= paper.last_seen, excluded.title, paper.title),
        url     = iif(excluded.last_seen >= paper.last_seen, excluded.url, paper.url),
        votes   = iif(excluded.last_seen >= paper.last_seen, excluded.votes, paper.votes),
        authors = iif(excluded.last_seen >= paper.last_seen, excluded.authors, paper.authors),
        authors_more = iif(excluded.last_seen >= paper.last_seen, excluded.authors_more, paper.authors_more),
        media   = iif(excluded.last_seen >= paper.last_seen, excluded.media, paper.media),
        summary = iif(excluded.last_seen >= paper.last_seen, excluded.summary, paper.summary),
        first_seen = min(paper.first_seen, excluded.first_seen),
        last_seen  = max(paper.last_seen, excluded.last_seen)
      RETURNING id
      """;
  private static final String INSERT_ENTRY =
      "INSERT INTO digest_entry (" + Rows.ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final SearchIndex searchIndex;
  private final Clock clock;

  DigestWriter(SearchIndex searchIndex, Clock clock) {
    this.searchIndex = searchIndex;
    this.clock = clock;
  }

  /** What the paper row held before this save, for change detection. */
  private record Known(String lastSeen, String title, String authors, String summary) {
    boolean textDiffers(DigestEntry e, String authorsJson) {
      return !title.equals(e.title()) || !authors.equals(authorsJson) || !summary.equals(e.summary());
    }
  }

  /**
   * Saves the digests in order, preparing each statement once for all of them. With
   * {@link Indexing#DEFERRED} the changed papers are marked pending once, at the end.
   */
  List<IngestResult> save(Connection c, List<Digest> digests, Indexing indexing) throws SQLException {
    List<IngestResult> results = new ArrayList<>(digests.size());
    Set<Long> pending = new LinkedHashSet<>();
    try (Statements st = new Statements(c)) {
      for (Digest digest : digests) {
        Set<Long> changed = new LinkedHashSet<>();
        results.add(save(c, st, digest, changed));
        if (indexing == Indexing.NOW) {
          searchIndex.reindex(c, changed);
        } else {
          pending.addAll(changed);
        }
      }
    }
    searchIndex.markPending(c, pending);
    return results;
  }

  /** Statements prepared once per transaction. */
  private static final class Statements implements AutoCloseable {
    final PreparedStatement listedOn;
    final PreparedStatement known;
    final PreparedStatement upsertDigest;
    final PreparedStatement deleteDay;
    final PreparedStatement upsertPaper;
    final PreparedStatement insertEntry;

    Statements(Connection c) throws SQLException {
      listedOn = c.prepareStatement("SELECT " + Rows.ENTRY_COLUMNS + " FROM digest_entry WHERE date = ?");
      known = c.prepareStatement("SELECT last_seen, title, authors, summary FROM paper WHERE arxiv_id = ?");
      upsertDigest = c.prepareStatement(UPSERT_DIGEST);
      deleteDay = c.prepareStatement("DELETE FROM digest_entry WHERE date = ?");
      upsertPaper = c.prepareStatement(UPSERT_PAPER);
      insertEntry = c.prepareStatement(INSERT_ENTRY);
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement ps : List.of(listedOn, known, upsertDigest, deleteDay, upsertPaper, insertEntry)) {
        ps.close();
      }
    }
  }

  /** Saves one digest; adds the ids of papers whose indexed text changed to {@code changed}. */
  private IngestResult save(Connection c, Statements st, Digest digest, Set<Long> changed) throws SQLException {
    List<DigestEntry> entries = inRankOrder(digest);
    String date = digest.date().toString();
    Map<String, DigestEntry> before = listedOn(st.listedOn, date);
    Map<String, Known> known = known(st.known, entries);

    st.upsertDigest.setString(1, date);
    st.upsertDigest.setString(2, digest.source());
    st.upsertDigest.setString(3, clock.instant().toString());
    st.upsertDigest.executeUpdate();
    // Deleting the day's rows and inserting the new list handles rank reshuffles without
    // tripping UNIQUE(date, rank) midway, and drops entries the new list no longer has.
    if (!before.isEmpty()) {
      st.deleteDay.setString(1, date);
      st.deleteDay.executeUpdate();
    }

    List<String> newPapers = new ArrayList<>();
    for (DigestEntry e : entries) {
      String authors = Rows.authorsJson(e.authors());
      long id = upsertPaper(st.upsertPaper, e, date, authors);
      Known k = known.get(e.arxivId());
      if (k == null) {
        newPapers.add(e.arxivId());
        changed.add(id);
      } else if (date.compareTo(k.lastSeen()) >= 0 && k.textDiffers(e, authors)) {
        changed.add(id);
      }
      bindEntry(st.insertEntry, e, date, authors);
      st.insertEntry.addBatch();
    }
    st.insertEntry.executeBatch();

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
        PaperViews.afterRemoval(c, id, date).ifPresent(changed::add);
      }
    }
    return new IngestResult(digest.date(), entries.size() - updated - unchanged, updated, unchanged, removed, newPapers);
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
  private static Map<String, DigestEntry> listedOn(PreparedStatement ps, String date) throws SQLException {
    Map<String, DigestEntry> entries = new HashMap<>();
    ps.setString(1, date);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        DigestEntry e = Rows.entry(rs);
        entries.put(e.arxivId(), e);
      }
    }
    return entries;
  }

  private static Map<String, Known> known(PreparedStatement ps, List<DigestEntry> entries) throws SQLException {
    Map<String, Known> known = new HashMap<>();
    for (DigestEntry e : entries) {
      ps.setString(1, e.arxivId());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          known.put(e.arxivId(), new Known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return known;
  }

  private static long upsertPaper(PreparedStatement ps, DigestEntry e, String date, String authors)
      throws SQLException {
    ps.setString(1, e.arxivId());
    ps.setString(2, e.title());
    ps.setString(3, e.url());
    Rows.setOptionalInt(ps, 4, e.votes());
    ps.setString(5, authors);
    Rows.setOptionalString(ps, 6, e.media());
    ps.setString(7, e.summary());
    ps.setString(8, date);
    ps.setString(9, date);
    ps.setInt(10, e.authorsMore() ? 1 : 0);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("upsert of paper " + e.arxivId() + " returned no id");
      }
      return rs.getLong(1);
    }
  }

  private static void bindEntry(PreparedStatement ps, DigestEntry e, String date, String authors)
      throws SQLException {
    ps.setString(1, date);
    ps.setInt(2, e.rank());
    ps.setString(3, e.arxivId());
    ps.setString(4, e.title());
    ps.setString(5, e.url());
    Rows.setOptionalInt(ps, 6, e.votes());
    ps.setString(7, authors);
    Rows.setOptionalString(ps, 8, e.media());
    ps.setString(9, e.summary());
    ps.setInt(10, e.authorsMore() ? 1 : 0);
  }
}
