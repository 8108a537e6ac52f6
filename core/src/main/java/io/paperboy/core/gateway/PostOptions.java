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
 * @param earlierAttemptStoppedBy when that earlier attempt could post no more, if known (it was
 *                       taken back or ended by then): a look-back must see the channel as it was
 *                       after this, so a cached read from before it may miss parts and is not used
 * @param beforePart     asked before each part after the first; when it answers false the attempt
 *                       lost its row (its holder paused past its lease and was taken over), and
 *                       the gateway stops with {@link PostException.Kind#SUPERSEDED}
 */
public record PostOptions(PostStyle style, String idempotencyKey, boolean mayHavePosted,
    Optional<Instant> earlierAttemptAt, Optional<Instant> earlierAttemptStoppedBy, PartGuard beforePart) {

  /** Whether a post may go on with its next part; the delivery worker renews its lease here. */
  @FunctionalInterface
  public interface PartGuard {
    PartGuard ALWAYS = () -> true;

    boolean mayContinue();
  }

  public PostOptions {
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(earlierAttemptAt, "earlierAttemptAt");
    Objects.requireNonNull(earlierAttemptStoppedBy, "earlierAttemptStoppedBy");
    Objects.requireNonNull(beforePart, "beforePart");
  }

  public PostOptions(PostStyle style, String idempotencyKey, boolean mayHavePosted, Optional<Instant> earlierAttemptAt) {
    this(style, idempotencyKey, mayHavePosted, earlierAttemptAt, Optional.empty(), PartGuard.ALWAYS);
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
    return new PostOptions(style, idempotencyKey, true, earlierAttemptAt, earlierAttemptStoppedBy, beforePart);
  }

  /** The same post, retried after an attempt started at {@code startedAt} whose outcome is unknown. */
  public PostOptions retrying(Optional<Instant> startedAt) {
    return new PostOptions(style, idempotencyKey, true, startedAt, earlierAttemptStoppedBy, beforePart);
  }

  /**
   * The same post, retried after an attempt started at {@code startedAt} that could post nothing
   * after {@code stoppedBy} (when it was taken back).
   */
  public PostOptions retrying(Optional<Instant> startedAt, Instant stoppedBy) {
    return new PostOptions(style, idempotencyKey, true, startedAt, Optional.of(stoppedBy), beforePart);
  }

  /** The same post, asking {@code guard} before each part after the first. */
  public PostOptions guardedBy(PartGuard guard) {
    return new PostOptions(style, idempotencyKey, mayHavePosted, earlierAttemptAt, earlierAttemptStoppedBy, guard);
  }

  /**
   * Asks {@link #beforePart} before part {@code index} (from 0; part 0 needs no asking: the claim
   * was just made).
   *
   * @throws PostException ({@link PostException.Kind#SUPERSEDED}) if the post must stop here
   */
  public void checkBeforePart(int index, String target) throws PostException {
    if (index > 0 && !beforePart.mayContinue()) {
      throw new PostException(PostException.Kind.SUPERSEDED, "superseded", "stopped before part " + index + " of "
          + idempotencyKey + " to " + target + ": this attempt no longer holds its row (taken over after its lease)");
    }
  }

  /** The idempotency key of part {@code index} (from 0) of a split message. */
  public String partKey(int index) {
    return idempotencyKey + "/" + index;
  }
}
