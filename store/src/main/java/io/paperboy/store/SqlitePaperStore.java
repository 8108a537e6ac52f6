package io.paperboy.store;

import io.paperboy.store.search.ScoredPaper;
import io.paperboy.store.search.SearchIndex;
import io.paperboy.store.search.SearchTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link PaperStore} on a SQLite {@link Database}: tables {@code paper}, {@code digest},
 * {@code digest_entry} and the full-text index of {@link SearchIndex}.
 *
 * <p>{@link #save} makes the day searchable in its own transaction (a 30-paper day costs a few
 * ms). {@link #saveAll} is the bulk path: it commits many days per transaction and leaves the
 * search index to a later catch-up ({@link #refreshSearchIndex}), which indexes faster in bulk and
 * keeps ingest itself close to plain-insert speed. Searches never see a stale index: they run the
 * catch-up first if anything is pending.
 */
public final class SqlitePaperStore implements PaperStore {

  /** Entries per transaction in {@link #saveAll}: large enough to amortise commits, small enough for the WAL. */
  static final int SAVE_ALL_CHUNK_ENTRIES = 5_000;
  /** Papers per transaction when catching up the search index, so the write lock is held briefly. */
  static final int INDEX_CHUNK_PAPERS = 2_000;

  private static final String TOP = """
      SELECT %s FROM (
        SELECT e.*, row_number() OVER (
                 PARTITION BY arxiv_id ORDER BY votes DESC NULLS LAST, rank, date DESC) AS nth
          FROM digest_entry e WHERE date BETWEEN ? AND ?)
       WHERE nth = 1
       ORDER BY votes DESC NULLS LAST, rank, date DESC, arxiv_id
       LIMIT ?
      """.formatted(Rows.ENTRY_COLUMNS);

  private static final String PAPER_BY_ARXIV_ID = Rows.PAPER_SELECT + " WHERE arxiv_id = ?";

  private final Database db;
  private final SearchIndex searchIndex;
  private final DigestWriter writer;

  public SqlitePaperStore(Database db) {
    this(db, new SearchIndex(), Clock.systemUTC());
  }

  /**
   * @param searchIndex the index, e.g. with another rank window
   * @param clock       stamps {@code digest.ingested_at}
   */
  public SqlitePaperStore(Database db, SearchIndex searchIndex, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.searchIndex = Objects.requireNonNull(searchIndex, "searchIndex");
    this.writer = new DigestWriter(searchIndex, Objects.requireNonNull(clock, "clock"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the digest lists a paper twice or two papers at one rank
   */
  @Override
  public IngestResult save(Digest digest) {
    return db.write(c -> writer.save(c, List.of(digest), DigestWriter.Indexing.NOW).get(0));
  }

  /**
   * Saves many days, each exactly as {@link #save} would, several days per transaction (about
   * {@value #SAVE_ALL_CHUNK_ENTRIES} entries each). The search index catches up on the next search
   * or {@link #refreshSearchIndex}. If a transaction fails, the days of earlier transactions stay
   * saved; saving them again is harmless.
   *
   * @return one result per digest, in the given order
   */
  public List<IngestResult> saveAll(List<Digest> digests) {
    List<IngestResult> results = new ArrayList<>(digests.size());
    int from = 0;
    while (from < digests.size()) {
      int to = from;
      int entries = 0;
      do {
        entries += digests.get(to).entries().size();
        to++;
      } while (to < digests.size() && entries + digests.get(to).entries().size() <= SAVE_ALL_CHUNK_ENTRIES);
      List<Digest> chunk = digests.subList(from, to);
      results.addAll(db.write(c -> writer.save(c, chunk, DigestWriter.Indexing.DEFERRED)));
      from = to;
    }
    return results;
  }

  /**
   * Brings the search index up to date with every paper saved by {@link #saveAll}, in
   * transactions of {@value #INDEX_CHUNK_PAPERS} papers; returns how many papers it indexed.
   * Worth calling right after a backfill, so the first search does not pay for it.
   */
  public int refreshSearchIndex() {
    int total = 0;
    int indexed;
    do {
      indexed = db.write(c -> searchIndex.indexPending(c, INDEX_CHUNK_PAPERS));
      total += indexed;
    } while (indexed > 0);
    return total;
  }

  @Override
  public Optional<Paper> paper(String arxivId) {
    String id = ArxivId.parse(arxivId).orElse(arxivId.trim());
    // the hot lookup: one statement (no transaction needed), prepared once per connection
    return db.readStatement(c -> {
      PreparedStatement ps = db.cached(c, PAPER_BY_ARXIV_ID);
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Rows.paper(rs)) : Optional.empty();
      }
    });
  }

  @Override
  public List<DigestEntry> digest(LocalDate date) {
    return db.read(c -> entries(c, "SELECT " + Rows.ENTRY_COLUMNS + " FROM digest_entry WHERE date = ? ORDER BY rank",
        date.toString()));
  }

  @Override
  public List<LocalDate> digestDates() {
    return db.read(c -> {
      List<LocalDate> dates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT date FROM digest ORDER BY date");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          dates.add(LocalDate.parse(rs.getString(1)));
        }
      }
      return dates;
    });
  }

  @Override
  public Optional<LocalDate> latestDigestDate() {
    return db.read(c -> oneDate(c, "SELECT max(date) FROM digest", null));
  }

  @Override
  public Optional<LocalDate> nearestDigestDate(LocalDate date) {
    String day = date.toString();
    return db.read(c -> {
      Optional<LocalDate> before = oneDate(c, "SELECT max(date) FROM digest WHERE date <= ?", day);
      Optional<LocalDate> after = oneDate(c, "SELECT min(date) FROM digest WHERE date > ?", day);
      if (before.isEmpty() || after.isEmpty()) {
        return before.isPresent() ? before : after;
      }
      long back = ChronoUnit.DAYS.between(before.get(), date);
      long ahead = ChronoUnit.DAYS.between(date, after.get());
      return ahead < back ? after : before;
    });
  }

  @Override
  public List<DigestEntry> top(LocalDate from, LocalDate to, int limit) {
    if (limit < 1 || from.isAfter(to)) {
      return List.of();
    }
    return db.read(c -> entries(c, TOP, from.toString(), to.toString(), limit));
  }

  /** {@inheritDoc} Ranked as {@link SearchIndex} describes; empty for a query without letters or digits. */
  @Override
  public List<SearchHit> search(String query, int limit) {
    Optional<String> expression = SearchTokens.allOf(query);
    if (expression.isEmpty() || limit < 1) {
      return List.of();
    }
    return match(expression.get(), limit);
  }

  /**
   * The lower level under {@link #search}: papers matching an FTS5 expression whose terms are
   * phrases from {@link SearchTokens#phrase} (see {@link SearchIndex#match}), e.g.
   * {@code title : "확산 산모 모델" NOT "gan"}. For query languages built on top of this store.
   *
   * @throws IllegalArgumentException if FTS5 rejects the expression's syntax
   */
  @Override
  public List<SearchHit> match(String fts5Expression, int limit) {
    if (db.read(searchIndex::hasPending)) {
      refreshSearchIndex();
    }
    return db.read(c -> {
      List<ScoredPaper> scored = searchIndex.match(c, fts5Expression, limit);
      Map<Long, Paper> papers = papersById(c, scored);
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

  @Override
  public List<Paper> recentPapers(int limit) {
    return db.read(c -> {
      List<Paper> papers = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(Rows.PAPER_SELECT + " ORDER BY p.id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            papers.add(Rows.paper(rs));
          }
        }
      }
      return papers;
    });
  }

  @Override
  public void export(Optional<LocalDate> date, Consumer<DigestEntry> sink) {
    String sql = "SELECT " + Rows.ENTRY_COLUMNS + " FROM digest_entry"
        + (date.isPresent() ? " WHERE date = ?" : "") + " ORDER BY date, rank";
    db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (date.isPresent()) {
          ps.setString(1, date.get().toString());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(Rows.entry(rs));
          }
        }
      }
      return null;
    });
  }

  private static Optional<Paper> paperWhere(Connection c, String condition, Object key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Rows.PAPER_SELECT + " WHERE " + condition)) {
      ps.setObject(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Rows.paper(rs)) : Optional.empty();
      }
    }
  }

  private static Map<Long, Paper> papersById(Connection c, List<ScoredPaper> scored) throws SQLException {
    Map<Long, Paper> papers = new HashMap<>();
    // in batches: SQLite caps the number of parameters of one statement
    for (int from = 0; from < scored.size(); from += 500) {
      List<ScoredPaper> batch = scored.subList(from, Math.min(scored.size(), from + 500));
      String sql = Rows.PAPER_SELECT.replace("SELECT p.arxiv_id", "SELECT p.id, p.arxiv_id")
          + " WHERE p.id IN (" + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < batch.size(); i++) {
          ps.setLong(i + 1, batch.get(i).paperId());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            papers.put(rs.getLong(1), Rows.paper(rs, 1));
          }
        }
      }
    }
    return papers;
  }

  private static List<DigestEntry> entries(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<DigestEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Rows.entry(rs));
        }
      }
      return out;
    }
  }

  private static Optional<LocalDate> oneDate(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        String value = rs.next() ? rs.getString(1) : null;
        return Optional.ofNullable(value).map(LocalDate::parse);
      }
    }
  }
}
