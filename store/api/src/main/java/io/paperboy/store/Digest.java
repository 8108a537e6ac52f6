package io.paperboy.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A day's digest: its date and its entries in rank order.
 *
 * @param date    the digest's date
 * @param entries entries in rank order (rank 1 first); every entry carries the same date
 * @param source  where the digest came from (a file path or URL), for messages and logs
 */
public record Digest(LocalDate date, List<DigestEntry> entries, String source) {

  public Digest {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(source, "source");
    entries = List.copyOf(entries);
    for (DigestEntry e : entries) {
      if (!e.date().equals(date)) {
        throw new IllegalArgumentException("entry " + e.arxivId() + " is dated " + e.date() + ", digest " + date);
      }
    }
  }
}
