package io.paperboy.scheduler.source;

import io.paperboy.store.Digest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one {@link DigestSource#fetch} found. */
public sealed interface FetchResult
    permits FetchResult.Found, FetchResult.NotYet, FetchResult.Unchanged, FetchResult.Failed {

  /**
   * The digest is there.
   *
   * @param digest the whole digest
   * @param origin the file path or URL it was read from
   */
  record Found(Digest digest, String origin) implements FetchResult {
    public Found {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * Nothing to read yet: the file does not exist, the URL answers 404, the API lists no papers.
   *
   * @param why what was looked at, for the log
   */
  record NotYet(String why) implements FetchResult {
    public NotYet {
      Objects.requireNonNull(why, "why");
    }
  }

  /** The digest this source returned last time for that date has not changed (a 304, same size and time). */
  record Unchanged() implements FetchResult {}

  /**
   * The source answered with something unusable, or did not answer.
   *
   * @param reason           what failed and where: URL or file, status, line
   * @param transientFailure whether asking again later may well succeed (5xx, timeout, truncated body)
   * @param retryAfter       how long the server asked us to wait ({@code Retry-After}), if it said
   */
  record Failed(String reason, boolean transientFailure, Optional<Duration> retryAfter) implements FetchResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Failed(String reason, boolean transientFailure) {
      this(reason, transientFailure, Optional.empty());
    }
  }
}
