package io.paperboy.core.gateway;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How to post.
 *
 * @param style          layout of a multi-paper message
 * @param idempotencyKey a stable key derived from the outbox row (e.g. {@code digest:2024-06-07:3});
 *                       Discord sends a nonce derived from it with {@code enforce_nonce}, Slack
 *                       stamps it into message metadata so a retry after a crash can find the
 *                       earlier post instead of posting twice; a message split into several
 *                       parts uses {@code key + "/" + partIndex} per part
 * @param mayHavePosted  whether an earlier attempt with this key may have posted some parts
 *                       before it died (a crash between post and mark-sent): the gateway then
 *                       looks for each part before posting it again
 * @param earlierAttemptAt when that earlier attempt started, if known: nothing it posted is older,
 *                       so a gateway may look only that far back (Slack's history reads are
 *                       rate-limited; a narrow window keeps the look-back after a crash cheap)
 */
public record PostOptions(PostStyle style, String idempotencyKey, boolean mayHavePosted,
    Optional<Instant> earlierAttemptAt) {

  public PostOptions {
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(earlierAttemptAt, "earlierAttemptAt");
  }

  public PostOptions(PostStyle style, String idempotencyKey, boolean mayHavePosted) {
    this(style, idempotencyKey, mayHavePosted, Optional.empty());
  }

  /** A first attempt. */
  public PostOptions(PostStyle style, String idempotencyKey) {
    this(style, idempotencyKey, false);
  }

  public static PostOptions digest(String idempotencyKey) {
    return new PostOptions(PostStyle.DIGEST, idempotencyKey, false);
  }

  /** The same post, retried after an attempt whose outcome is unknown. */
  public PostOptions retrying() {
    return new PostOptions(style, idempotencyKey, true, earlierAttemptAt);
  }

  /** The same post, retried after an attempt started at {@code startedAt} whose outcome is unknown. */
  public PostOptions retrying(Optional<Instant> startedAt) {
    return new PostOptions(style, idempotencyKey, true, startedAt);
  }

  /** The idempotency key of part {@code index} (from 0) of a split message. */
  public String partKey(int index) {
    return idempotencyKey + "/" + index;
  }
}
