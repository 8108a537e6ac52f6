package io.paperboy.scheduler.plan;

import io.paperboy.store.PaperStore;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/** Which days have a stored digest: what the planner needs to know of the papers. */
@FunctionalInterface
public interface DigestDays {

  /** The dates in {@code [from, to]} with a stored digest. */
  Set<LocalDate> between(LocalDate from, LocalDate to);

  /** The digest dates of a paper store. */
  static DigestDays of(PaperStore store) {
    return (from, to) -> store.digestDates().stream()
        .filter(d -> !d.isBefore(from) && !d.isAfter(to))
        .collect(Collectors.toSet());
  }
}
