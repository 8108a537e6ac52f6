package io.paperboy.store.sqlite.papers;

import io.paperboy.store.CountPeriod;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.PaperText;
import io.paperboy.store.PeriodCount;
import io.paperboy.store.SearchHit;
import io.paperboy.store.SearchPage;
import io.paperboy.store.query.Query;
import io.paperboy.store.sqlite.db.Database;
import io.paperboy.store.sqlite.search.SearchIndex;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link PaperStore} on a SQLite {@link Database}: tables {@code paper}, {@code digest},
 * {@code digest_entry} and the full-text index of {@link SearchIndex}; reads, writes and search
 * each in a class of their own ({@link PaperReads}, {@link PaperWrites}, {@link PaperSearch}), and
 * counts per week or month in {@link PaperCounts}.
 *
 * <p>{@link #save} makes the day searchable in its own transaction (a 30-paper day costs a few
 * ms). {@link #saveAll} is the bulk path: it commits many days per transaction and leaves the
 * search index to a later catch-up ({@link #refreshSearchIndex}), which indexes faster in bulk and
 * keeps ingest itself close to plain-insert speed. Searches never see a stale index: they run the
 * catch-up first if anything is pending.
 */
public final class SqlitePaperStore implements PaperStore {

  /** Entries per transaction in {@link #saveAll}: large enough to amortise commits, small enough for the WAL. */
  public static final int SAVE_ALL_CHUNK_ENTRIES = 5_000;
  /** Papers per transaction when catching up the search index, so the write lock is held briefly. */
  static final int INDEX_CHUNK_PAPERS = 2_000;

  private final PaperReads reads;
  private final PaperWrites writes;
  private final PaperSearch search;
  private final PaperCounts counts;

  public SqlitePaperStore(Database db) {
    this(db, new SearchIndex(), Clock.systemUTC());
  }

  /**
   * @param searchIndex the index, e.g. with another rank window
   * @param clock       stamps {@code digest.ingested_at}
   */
  public SqlitePaperStore(Database db, SearchIndex searchIndex, Clock clock) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(searchIndex, "searchIndex");
    this.reads = new PaperReads(db);
    this.writes = new PaperWrites(db, searchIndex, Objects.requireNonNull(clock, "clock"));
    this.search = new PaperSearch(db, searchIndex, writes, reads);
    this.counts = new PaperCounts(db, writes);
  }

  @Override
  public IngestResult save(Digest digest) {
    return writes.save(digest);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here about {@value #SAVE_ALL_CHUNK_ENTRIES} entries go into one transaction, and the search
   * index catches up on the next search or {@link #refreshSearchIndex}.
   */
  @Override
  public List<IngestResult> saveAll(List<Digest> digests) {
    return writes.saveAll(digests);
  }

  /**
   * Brings the search index up to date with every paper saved by {@link #saveAll}, in
   * transactions of {@value #INDEX_CHUNK_PAPERS} papers; returns how many papers it indexed.
   * Worth calling right after a backfill, so the first search does not pay for it.
   */
  public int refreshSearchIndex() {
    return writes.refreshSearchIndex();
  }

  @Override
  public Optional<Paper> paper(String arxivIdOrUrl) {
    return reads.paper(arxivIdOrUrl);
  }

  @Override
  public List<DigestEntry> digest(LocalDate date) {
    return reads.digest(date);
  }

  @Override
  public List<LocalDate> digestDates() {
    return reads.digestDates();
  }

  @Override
  public Optional<LocalDate> latestDigestDate() {
    return reads.latestDigestDate();
  }

  @Override
  public Optional<LocalDate> nearestDigestDate(LocalDate date) {
    return reads.nearestDigestDate(date);
  }

  @Override
  public List<DigestEntry> top(LocalDate from, LocalDate to, int limit) {
    return reads.top(from, to, limit);
  }

  /** {@inheritDoc} Ranked and counted as {@link SearchIndex} describes. */
  @Override
  public SearchPage searchPage(Query query, int limit) {
    return search.search(query, limit);
  }

  /**
   * Papers matching an FTS5 expression over the index columns {@code title}, {@code authors},
   * {@code summary}, whose terms are quoted phrases of search tokens (see
   * {@link io.paperboy.store.sqlite.search.FtsTranslation}); ranked like {@link #search}. The
   * adapter's lower level, for tests and tools of this backend.
   *
   * @throws IllegalArgumentException if FTS5 rejects the expression's syntax
   */
  public List<SearchHit> match(String fts5Expression, int limit) {
    return search.match(fts5Expression, limit).hits();
  }

  /** {@inheritDoc} Counted as {@link PaperCounts} describes. */
  @Override
  public List<PeriodCount> countPerPeriod(Query query, LocalDate from, LocalDate to, CountPeriod by) {
    return counts.countPerPeriod(query, from, to, by);
  }

  @Override
  public List<Paper> recentPapers(int limit) {
    return reads.recentPapers(limit);
  }

  /** {@inheritDoc} Here straight from the {@code paper} rows, one query. */
  @Override
  public void paperTexts(Consumer<PaperText> sink) {
    reads.paperTexts(sink);
  }

  @Override
  public void export(Optional<LocalDate> date, Consumer<DigestEntry> sink) {
    reads.export(date, sink);
  }
}
