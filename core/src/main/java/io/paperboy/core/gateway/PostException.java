package io.paperboy.core.gateway;

import java.time.Duration;
import java.util.Optional;

/** A post failed; {@link #kind()} tells the delivery worker what to do about it. */
public final class PostException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as retrying is concerned. */
  public enum Kind {
    /** The platform asked us to wait ({@link #retryAfter()}), then retry. */
    RATE_LIMITED,
    /** 5xx, timeout, connection trouble: retry with backoff. */
    TRANSIENT,
    /** The channel no longer exists: pause the subscription. */
    CHANNEL_GONE,
    /** The bot may not post there (missing access, not in channel, archived): pause. */
    FORBIDDEN,
    /** The request itself is wrong (e.g. invalid blocks): retrying will not help. */
    PERMANENT,
    /**
     * The attempt lost its row part-way (its holder paused past its lease and another took it
     * over): nothing more is posted for it, and its outcome is the new holder's to mark.
     */
    SUPERSEDED
  }

  private final Kind kind;
  private final String platformCode;
  private final transient Optional<Duration> retryAfter;

  /**
   * @param kind         classification
   * @param platformCode the platform's own error code ({@code channel_not_found}, {@code 10003}, …)
   * @param retryAfter   how long to wait, for {@link Kind#RATE_LIMITED}
   */
  public PostException(Kind kind, String platformCode, String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.platformCode = platformCode;
    this.retryAfter = retryAfter;
  }

  public PostException(Kind kind, String platformCode, String message) {
    this(kind, platformCode, message, Optional.empty(), null);
  }

  public Kind kind() {
    return kind;
  }

  public String platformCode() {
    return platformCode;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
