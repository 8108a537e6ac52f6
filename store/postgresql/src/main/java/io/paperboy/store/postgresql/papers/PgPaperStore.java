package io.paperboy.store.postgresql.papers;

import io.paperboy.store.CountPeriod;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.PeriodCount;
import io.paperboy.store.SearchPage;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryCounts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link PaperStore} on PostgreSQL: tables {@code paper}, {@code digest}, {@code digest_entry};
 * each paper row carries its search vector, written in the same statement as the row
 * ({@link DigestWriter}), so unlike SQLite there is no deferred indexing to catch up on.
 * Reads in {@link PaperReads}, search and counts in {@link PaperSearch}.
 */
public final class PgPaperStore implements PaperStore {

  /** Entries per transaction in {@link #saveAll}. */
  public static final int SAVE_ALL_CHUNK_ENTRIES = 5_000;

  private final Database db;
  private final DigestWriter writer;
  private final PaperReads reads;
  private final PaperSearch search;

  public PgPaperStore(Database db) {
    this(db, Clock.systemUTC(), PaperSearch.DEFAULT_RANK_WINDOW);
  }

  /**
   * @param clock      stamps {@code digest.ingested_at}
   * @param rankWindow how many of the newest matches a search ranks
   */
  public PgPaperStore(Database db, Clock clock, int rankWindow) {
    this.db = Objects.requireNonNull(db, "db");
    this.writer = new DigestWriter(Objects.requireNonNull(clock, "clock"));
    this.reads = new PaperReads(db);
    this.search = new PaperSearch(db, reads, rankWindow);
  }

  @Override
  public IngestResult save(Digest digest) {
    return db.writeRetryingDeadlocks(c -> writer.save(c, List.of(digest)).get(0));
  }

  /**
   * {@inheritDoc} Here about {@value #SAVE_ALL_CHUNK_ENTRIES} entries go into one transaction.
   * Instances saving the same days at once wait for each other day by day; if they meet in
   * different orders PostgreSQL aborts one, which saves its chunk again (saving is idempotent).
   */
  @Override
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
      results.addAll(db.writeRetryingDeadlocks(c -> writer.save(c, chunk)));
      from = to;
    }
    return results;
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

  /** {@inheritDoc} Ranked and counted as {@link PaperSearch} describes. */
  @Override
  public SearchPage searchPage(Query query, int limit) {
    return search.search(query, limit);
  }

  /**
   * Papers matching a {@code tsquery} literal over the stored vectors, ranked like a search; the
   * adapter's lower level, for its own tests and tools.
   */
  public SearchPage match(String tsquery, int limit) {
    return search.match(tsquery, limit);
  }

  @Override
  public List<PeriodCount> countPerPeriod(Query query, LocalDate from, LocalDate to, CountPeriod by) {
    return QueryCounts.perPeriod(query, from, to, by, search);
  }

  @Override
  public List<Paper> recentPapers(int limit) {
    return reads.recentPapers(limit);
  }

  @Override
  public void export(Optional<LocalDate> date, Consumer<DigestEntry> sink) {
    reads.export(date, sink);
  }
}
