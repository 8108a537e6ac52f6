package io.paperboy.testkit.slack;

import java.util.Optional;

/**
 * A canned failure for the next call of a method, consumed once.
 *
 * @param status     HTTP status (429, 500) or 200 for an {@code ok:false} answer
 * @param error      Slack error code in the body
 * @param retryAfter {@code Retry-After} seconds, for 429
 */
public record Scripted(int status, String error, Optional<Integer> retryAfter) {

  /** Lets one call through untouched, so that a later call in the script fails (a crash mid-post). */
  public static Scripted pass() {
    return new Scripted(0, "", Optional.empty());
  }

  boolean passes() {
    return status == 0;
  }

  public static Scripted rateLimited(int retryAfterSeconds) {
    return new Scripted(429, "ratelimited", Optional.of(retryAfterSeconds));
  }

  public static Scripted httpStatus(int status) {
    return new Scripted(status, "internal_error", Optional.empty());
  }

  public static Scripted error(String code) {
    return new Scripted(200, code, Optional.empty());
  }
}
