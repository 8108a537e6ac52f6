package io.paperboy.store;

import java.time.LocalDate;
import java.util.List;

/**
 * What saving one day's digest changed.
 *
 * @param date      the digest's date
 * @param added     entries the day did not list before
 * @param updated   entries the day listed before whose stored fields (rank, title, URL, votes,
 *                  authors, media, summary) changed with this save
 * @param unchanged entries the day listed before exactly as this save lists them
 * @param removed   entries the day listed before and the new file no longer lists
 * @param newPapers arXiv ids the store had never seen before this save, in rank order; alerts fire on these
 */
public record IngestResult(LocalDate date, int added, int updated, int unchanged, int removed,
    List<String> newPapers) {

  public IngestResult {
    newPapers = List.copyOf(newPapers);
  }

  /** A result that knows no unchanged entries (every entry listed again counts as updated). */
  public IngestResult(LocalDate date, int added, int updated, int removed, List<String> newPapers) {
    this(date, added, updated, 0, removed, newPapers);
  }
}
