package io.paperboy.scheduler.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A file whose name carries a date ({@code 2022-01-03.md}) while its heading says another: it is
 * stored under the heading's date — the digest's own word — and reported, since a misnamed file
 * usually means a copy went wrong or a folder holds what it should not.
 *
 * @param file    the file as given or found
 * @param named   the date its name carries
 * @param heading the date its heading says, under which it was stored
 */
public record NamedForAnotherDay(Path file, LocalDate named, LocalDate heading) {

  public NamedForAnotherDay {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(named, "named");
    Objects.requireNonNull(heading, "heading");
  }

  /** {@code seeds/2022-01-03.md: named for 2022-01-03, but its heading says 2024-06-07; stored as 2024-06-07}. */
  public String message() {
    return file + ": named for " + named + ", but its heading says " + heading + "; stored as " + heading;
  }
}
