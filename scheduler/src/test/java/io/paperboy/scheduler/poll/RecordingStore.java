package io.paperboy.scheduler.poll;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An in-memory stand-in for a paper store: it keeps saved days,
 * answers {@link #digest} and computes the {@link IngestResult} the way the contract describes.
 */
final class RecordingStore implements PaperStore {

  final List<Digest> saved = new CopyOnWriteArrayList<>();
  private final Map<LocalDate, List<DigestEntry>> days = new ConcurrentHashMap<>();
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  volatile RuntimeException failNextSave;
  volatile RuntimeException failReads;

  @Override
  public synchronized IngestResult save(Digest digest) {
    RuntimeException failure = failNextSave;
    if (failure != null) {
      failNextSave = null;
      throw failure;
    }
    saved.add(digest);
    Set<String> before = days.getOrDefault(digest.date(), List.of()).stream().map(DigestEntry::arxivId)
        .collect(Collectors.toSet());
    Set<String> after = new HashSet<>();
    List<String> newPapers = new ArrayList<>();
    for (DigestEntry e : digest.entries()) {
      after.add(e.arxivId());
      if (known.add(e.arxivId())) {
        newPapers.add(e.arxivId());
      }
    }
    int updated = (int) after.stream().filter(before::contains).count();
    int removed = (int) before.stream().filter(id -> !after.contains(id)).count();
    days.put(digest.date(), digest.entries());
    return new IngestResult(digest.date(), after.size() - updated, updated, removed, newPapers);
  }

  void preload(Digest digest) {
    days.put(digest.date(), digest.entries());
  }

  @Override
  public List<DigestEntry> digest(LocalDate date) {
    if (failReads != null) {
      throw failReads;
    }
    return days.getOrDefault(date, List.of());
  }

  @Override
  public Optional<Paper> paper(String arxivId) {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public List<LocalDate> digestDates() {
    return days.keySet().stream().sorted().collect(Collectors.toList());
  }

  @Override
  public Optional<LocalDate> latestDigestDate() {
    return days.keySet().stream().max(LocalDate::compareTo);
  }

  @Override
  public Optional<LocalDate> nearestDigestDate(LocalDate date) {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public List<DigestEntry> top(LocalDate from, LocalDate to, int limit) {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public SearchPage searchPage(Query query, int limit) {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public List<PeriodCount> countPerPeriod(Query query, LocalDate from, LocalDate to, CountPeriod by) {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public List<Paper> recentPapers(int limit) {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public void export(Optional<LocalDate> date, Consumer<DigestEntry> sink) {
    throw new UnsupportedOperationException("not used by the poller");
  }
}
