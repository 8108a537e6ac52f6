package io.paperboy.scheduler.ingest;

import io.paperboy.store.CountPeriod;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.PeriodCount;
import io.paperboy.store.SearchHit;
import io.paperboy.store.SearchPage;
import io.paperboy.store.query.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An in-memory {@link PaperStore} for ingest tests: records every save and answers {@link #save}
 * with the counts the interface promises (re-saving a day is an update; entries no longer listed
 * are removed; new papers are ids never seen before). The real SQLite store is tested in store/.
 */
final class RecordingPaperStore implements PaperStore {

  final List<Digest> saves = new ArrayList<>();
  private final Map<LocalDate, List<DigestEntry>> days = new LinkedHashMap<>();
  private final Set<String> knownPapers = new HashSet<>();
  private RuntimeException failOnDate;
  private LocalDate failingDate;

  /** Makes {@link #save} throw for one date, as a broken database would. */
  void failOn(LocalDate date, RuntimeException failure) {
    this.failingDate = date;
    this.failOnDate = failure;
  }

  @Override
  public IngestResult save(Digest digest) {
    if (digest.date().equals(failingDate)) {
      throw failOnDate;
    }
    saves.add(digest);
    Set<String> before = days.getOrDefault(digest.date(), List.of()).stream().map(DigestEntry::arxivId)
        .collect(Collectors.toSet());
    Set<String> now = digest.entries().stream().map(DigestEntry::arxivId).collect(Collectors.toSet());
    int added = (int) now.stream().filter(id -> !before.contains(id)).count();
    // like a real store: listed again with every field equal is unchanged, otherwise updated
    List<DigestEntry> old = days.getOrDefault(digest.date(), List.of());
    int unchanged = (int) digest.entries().stream().filter(old::contains).count();
    int updated = now.size() - added - unchanged;
    int removed = (int) before.stream().filter(id -> !now.contains(id)).count();
    List<String> newPapers = digest.entries().stream().map(DigestEntry::arxivId).filter(knownPapers::add)
        .collect(Collectors.toList());
    days.put(digest.date(), digest.entries());
    return new IngestResult(digest.date(), added, updated, unchanged, removed, newPapers);
  }

  @Override
  public List<DigestEntry> digest(LocalDate date) {
    return days.getOrDefault(date, List.of());
  }

  @Override
  public List<LocalDate> digestDates() {
    return days.keySet().stream().sorted().collect(Collectors.toList());
  }

  @Override
  public Optional<Paper> paper(String arxivId) {
    throw new UnsupportedOperationException("not used by ingest");
  }

  @Override
  public Optional<LocalDate> latestDigestDate() {
    throw new UnsupportedOperationException("not used by ingest");
  }

  @Override
  public Optional<LocalDate> nearestDigestDate(LocalDate date) {
    throw new UnsupportedOperationException("not used by ingest");
  }

  @Override
  public List<DigestEntry> top(LocalDate from, LocalDate to, int limit) {
    throw new UnsupportedOperationException("not used by ingest");
  }

  @Override
  public SearchPage searchPage(Query query, int limit) {
    throw new UnsupportedOperationException("not used by ingest");
  }

  @Override
  public List<PeriodCount> countPerPeriod(Query query, LocalDate from, LocalDate to, CountPeriod by) {
    throw new UnsupportedOperationException("not used by ingest");
  }

  @Override
  public List<Paper> recentPapers(int limit) {
    throw new UnsupportedOperationException("not used by the ingestor");
  }

  @Override
  public void export(Optional<LocalDate> date, Consumer<DigestEntry> sink) {
    throw new UnsupportedOperationException("not used by ingest");
  }
}
