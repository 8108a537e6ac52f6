package io.paperboy.store.delivery;

import io.paperboy.store.Platform;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the outbox as a queue, the state machine the planners and the delivery worker drive.
 *
 * <pre>
 * enqueue ─► pending ──claim──► attempting ──markSent──► sent
 *              ▲                    │ ├─markFailed(AndPause)─► failed
 *              └──markRetry─────────┘ └─markSkipped─► skipped ◄─markSkipped── pending
 *              └──recoverInterrupted / recoverExpired (attempt outcome unknown)
 * </pre>
 *
 * Every transition is its own committed transaction (unless made inside
 * {@link io.paperboy.store.Transactions#inTransaction}), so the worker commits "attempting" before
 * it touches the network and "sent" after; transitions never do network I/O themselves. Rows of
 * one channel go out in order: a row is claimable only when it is due and no older row of its
 * channel is unfinished (pending or attempting), so several workers, in one process or in many,
 * never post a channel's rows out of order nor the same row twice at once.
 *
 * <p>Instances that split the Discord shards list and claim through a {@link ShardFilter}: a row
 * of a guild on another instance's shard is neither due for this one nor claimable by it (that
 * instance's JDA cache holds the guild, this one's does not). Without one (or with
 * {@link ShardFilter#all()}) every row is, as with one instance.
 */
public interface OutboxStore {

  /**
   * Adds the rows that are not in the outbox yet; a row whose (channel, kind, key) exists is left
   * alone, whatever its status. A row with a skip reason is recorded as skipped at once. Safe to
   * call again with the same rows, also from several instances at the same time.
   *
   * @return the rows that were new, in the given order
   */
  List<PlannedDelivery> enqueue(List<PlannedDelivery> rows, Instant now);

  /**
   * Pending rows whose time has come ({@code nextAttemptAt <= now}), oldest due first, and only
   * the head of each channel: a row with an older unfinished row in its channel waits for it.
   */
  default List<Delivery> due(Instant now, int limit) {
    return due(now, EnumSet.allOf(Platform.class), limit);
  }

  /** {@link #due(Instant, int)} for the channels of some platforms (those with a running adapter). */
  default List<Delivery> due(Instant now, Set<Platform> platforms, int limit) {
    return due(now, platforms, ShardFilter.all(), limit);
  }

  /** {@link #due(Instant, Set, int)} among the rows {@code shards} admits ({@link ShardFilter#admits}). */
  List<Delivery> due(Instant now, Set<Platform> platforms, ShardFilter shards, int limit);

  /**
   * When the next row may come due: the earliest attempt time among the channels' head rows (a
   * row held back behind an older one of its channel does not count). Empty if nothing is pending.
   */
  default Optional<Instant> nextAttemptAt() {
    return nextAttemptAt(EnumSet.allOf(Platform.class));
  }

  /** {@link #nextAttemptAt()} among the channels of some platforms. */
  default Optional<Instant> nextAttemptAt(Set<Platform> platforms) {
    return nextAttemptAt(platforms, ShardFilter.all());
  }

  /** {@link #nextAttemptAt(Set)} among the rows {@code shards} admits: another shard's retry does not wake this instance. */
  Optional<Instant> nextAttemptAt(Set<Platform> platforms, ShardFilter shards);

  /**
   * Starts an attempt: pending → attempting under {@code lease}, one more attempt, started now,
   * committed before any network I/O. Only a row {@link #due} would answer at {@code now} can be
   * claimed (pending, due, the head of its channel), and only once: of several claims of one row,
   * one wins.
   *
   * @return the claim (with the row as it was before this attempt), or empty if the row is not
   *     claimable: no longer pending, not due yet, or held back behind an older row of its channel
   */
  default Optional<Claim> claim(long id, Instant now, Lease lease) {
    return claim(id, now, lease, ShardFilter.all());
  }

  /**
   * {@link #claim(long, Instant, Lease)}, and only if {@code shards} admits the row: empty for a
   * row of a guild on a shard outside the filter, which stays pending for the instance that runs it.
   */
  Optional<Claim> claim(long id, Instant now, Lease lease, ShardFilter shards);

  /**
   * Keeps a running attempt's lease alive: its end moves to {@code until}, if the claim's attempt
   * is still running under this holder. A split post asks before each part after the first, so
   * that a long post keeps its lease while it progresses, and a holder that paused past its lease
   * (and was taken over meanwhile) learns it lost the row before posting another part.
   *
   * @return false if the claim's attempt is no longer running (taken back, finished already): the
   *     caller must not post for it any more
   */
  boolean renewLease(Claim claim, Instant until);

  /**
   * attempting → sent, with the platform's ids of what was posted, in order.
   *
   * @return false if the claim's attempt is no longer running (recovered, or finished already)
   */
  boolean markSent(Claim claim, List<String> messageIds, Instant now);

  /**
   * attempting → pending, to be tried again at {@code nextAttemptAt}.
   *
   * @param transientFailure whether this counts as a failure (5xx, timeout); a rate limit does not
   * @return false if the claim's attempt is no longer running
   */
  boolean markRetry(Claim claim, Instant nextAttemptAt, String error, boolean transientFailure);

  /**
   * attempting → failed, for good, with the reason.
   *
   * @return false if the claim's attempt is no longer running
   */
  boolean markFailed(Claim claim, String reason, Instant now);

  /**
   * attempting → failed, and the channel's subscription paused with the same reason (the channel
   * is gone or forbids the bot, see {@link SubscriptionStore#pause}), in one transaction.
   *
   * @return false if the claim's attempt is no longer running (then nothing is paused either)
   */
  boolean markFailedAndPause(Claim claim, String reason, Instant now);

  /**
   * pending or attempting → skipped: it must not go out (too late, nothing to post).
   *
   * @return false if the row was already sent, failed or skipped
   */
  boolean markSkipped(long id, String reason, Instant now);

  /**
   * Takes back every attempt, whoever holds it: attempting → pending, due {@code now}, with
   * "interrupted during an attempt (outcome unknown)" as its last error. Their attempt count says
   * an attempt may have posted. For start-up when this process is the only one using the database
   * (one process per SQLite file), so that no attempt can still be running.
   *
   * @return the rows taken back, as they were before, in id order
   */
  List<Delivery> recoverInterrupted(Instant now);

  /**
   * Takes back, as {@link #recoverInterrupted} does, only the attempts whose lease ended by
   * {@code now} (or that have no lease, left by an older version): what any of several instances
   * sharing a database may do, since a live lease means its holder may still be posting.
   *
   * @return the rows taken back, as they were before, in id order
   */
  List<Delivery> recoverExpired(Instant now);
}
