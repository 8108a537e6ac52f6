package io.paperboy.scheduler.ingest;

import io.paperboy.scheduler.digest.DigestRejectedException;
import io.paperboy.store.IngestResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one ingest did. Totals are derived from the per-file results, so they cannot disagree.
 *
 * @param filesSeen every file the ingest looked at (folders expanded)
 * @param results   one per accepted file, in ingest order; alerts fire on their new papers
 * @param refusals  one per refused file, in ingest order; nothing of these files was stored
 * @param misnamed  accepted files whose name says another date than their heading, in ingest order
 */
public record IngestReport(int filesSeen, List<IngestResult> results, List<DigestRejectedException> refusals,
    List<NamedForAnotherDay> misnamed) {

  public IngestReport {
    results = List.copyOf(results);
    refusals = List.copyOf(refusals);
    misnamed = List.copyOf(misnamed);
  }

  public IngestReport(int filesSeen, List<IngestResult> results, List<DigestRejectedException> refusals) {
    this(filesSeen, results, refusals, List.of());
  }

  public int filesAccepted() {
    return results.size();
  }

  public int filesRefused() {
    return refusals.size();
  }

  /** Distinct days saved (two files for one day count once). */
  public int days() {
    return (int) results.stream().map(IngestResult::date).distinct().count();
  }

  public int entriesAdded() {
    return results.stream().mapToInt(IngestResult::added).sum();
  }

  public int entriesUpdated() {
    return results.stream().mapToInt(IngestResult::updated).sum();
  }

  public int entriesUnchanged() {
    return results.stream().mapToInt(IngestResult::unchanged).sum();
  }

  public int entriesRemoved() {
    return results.stream().mapToInt(IngestResult::removed).sum();
  }

  /** arXiv ids the store saw for the first time, in ingest and rank order. */
  public List<String> newPapers() {
    return results.stream().flatMap(r -> r.newPapers().stream()).collect(Collectors.toUnmodifiableList());
  }

  /**
   * One line, e.g. {@code 2 files, 2 days: 37 new, 0 updated, 0 unchanged, 0 removed entries; 0 refused}, and
   * {@code ; 3 named for another date than their heading} when some were.
   */
  public String summary() {
    return plural(filesSeen, "file") + ", " + plural(days(), "day") + ": " + entriesAdded() + " new, "
        + entriesUpdated() + " updated, " + entriesUnchanged() + " unchanged, " + entriesRemoved() + " removed entries; " + filesRefused() + " refused"
        + (misnamed.isEmpty() ? "" : "; " + misnamed.size() + " named for another date than their heading");
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
