package io.paperboy.store;

import java.time.LocalDate;
import java.util.List;

/**
 * What saving one day's digest changed.
 *
 * @param date      the digest's date
 * @param added     entries the day did not list before
 * @param updated   entries the day listed before (their text or votes may have changed)
 * @param removed   entries the day listed before and the new file no longer lists
 * @param newPapers arXiv ids the store had never seen before this save, in rank order; alerts fire on these
 */
public record IngestResult(LocalDate date, int added, int updated, int removed, List<String> newPapers) {

  public IngestResult {
    newPapers = List.copyOf(newPapers);
  }
}
