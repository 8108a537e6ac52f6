package io.paperboy.scheduler.source;

import java.time.LocalDate;

/**
 * One place a day's digest may appear. Implementations are safe to call from one thread at a time
 * (the poller serialises calls) and never throw for expected trouble: a missing file, a 404, a
 * timeout or a broken body is a {@link FetchResult}, not an exception.
 */
public interface DigestSource {

  /** A short human name for logs and messages, e.g. {@code folder:seeds} or {@code hf:https://huggingface.co}. */
  String name();

  /** Looks for the digest of {@code date} now, once. */
  FetchResult fetch(LocalDate date);

  /**
   * Forgets what this source remembers about {@code date} (validators, sizes), so that the next
   * fetch returns the whole digest again instead of {@link FetchResult.Unchanged}. The poller calls
   * it when a digest it was handed could not be stored.
   */
  default void invalidate(LocalDate date) {}
}
