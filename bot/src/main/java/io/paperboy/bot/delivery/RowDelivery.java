package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;

import io.paperboy.core.message.Message;
import io.paperboy.store.delivery.Claim;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.ShardFilter;
import io.paperboy.store.delivery.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one outbox row: compose → record the attempt under this worker's lease (its own
 * committed transaction) → post (no transaction open) → mark sent, retry later, fail, or fail and
 * pause the subscription.
 */
final class RowDelivery {

  private static final Logger log = LoggerFactory.getLogger(RowDelivery.class);

  private final OutboxStore outbox;
  private final Map<Delivery.Kind, PostComposer> composers;
  private final Map<io.paperboy.store.Platform, ChannelGateway> gateways;
  private final RetryPolicy retry;
  private final Duration catchUpWindow;
  private final Clock clock;
  private final String holder;
  private final Duration leaseLength;
  private final ShardFilter shards;
  private final DeliveryEvents events;
  private final MessageBound maxMessages;

  /**
   * @param holder      names this worker in the leases of its attempts
   * @param leaseLength how long an attempt's lease lasts: longer than any one attempt takes
   * @param shards      the Discord rows this instance may claim (those of its own shards)
   * @param maxMessages platform messages one post may take (the flood bound, {@code delivery.max-messages})
   */
  RowDelivery(OutboxStore outbox, Map<Delivery.Kind, PostComposer> composers,
      Map<io.paperboy.store.Platform, ChannelGateway> gateways, RetryPolicy retry, Duration catchUpWindow, Clock clock,
      String holder, Duration leaseLength, ShardFilter shards, int maxMessages, DeliveryEvents events) {
    this.shards = shards;
    this.maxMessages = new MessageBound(maxMessages);
    this.outbox = outbox;
    this.events = events;
    this.holder = holder;
    this.leaseLength = leaseLength;
    this.composers = composers;
    this.gateways = gateways;
    this.retry = retry;
    this.catchUpWindow = catchUpWindow;
    this.clock = clock;
  }

  /** The idempotency key of a row: stable across attempts and restarts, unique per row. */
  static String idempotencyKey(Delivery row) {
    return row.kind().word() + ":" + row.key() + ":" + row.id();
  }

  private Optional<Claim> claim(Delivery row, Instant now) {
    return outbox.claim(row.id(), now, new Lease(holder, now.plus(leaseLength)), shards);
  }

  static PostStyle style(Subscription.Style style) {
    return style == Subscription.Style.THREADS ? PostStyle.THREADS : PostStyle.DIGEST;
  }

  void deliver(Delivery row) {
    Instant now = clock.instant();
    if (Duration.between(row.dueAt(), now).compareTo(catchUpWindow) > 0) {
      String reason = "missed by " + io.paperboy.scheduler.plan.Durations.text(Duration.between(row.dueAt(), now))
          + ", beyond the " + io.paperboy.scheduler.plan.Durations.text(catchUpWindow) + " catch-up window"
          + (row.mayHavePosted() ? " (an earlier attempt may have posted it)" : "");
      if (outbox.markSkipped(row.id(), reason, now)) {
        log.warn("skipped {}: {}", row.describe(), reason);
      }
      return;
    }
    ChannelGateway gateway = gateways.get(row.channel().platform());
    PostComposer composer = composers.get(row.kind());
    if (gateway == null || composer == null) {
      // the worker only picks rows of platforms it has gateways for; a kind nobody composes is a wiring bug
      skip(row, "nothing composes " + row.kind().word() + " posts for " + row.channel().platform(), now);
      return;
    }
    PostComposer.Composed composed;
    try {
      composed = composer.compose(row);
    } catch (RuntimeException e) {
      Optional<Claim> claimed = claim(row, now);
      if (claimed.isPresent()) {
        retryLater(claimed.get(), "composing the post failed: " + e, true, Optional.empty());
      }
      log.error("composing {} failed", row.describe(), e);
      return;
    }
    if (composed instanceof PostComposer.Skip skip) {
      skip(row, skip.reason(), now);
      return;
    }
    Message message;
    try {
      message = withinMessageBound(row, composer, gateway, ((PostComposer.Post) composed).message());
    } catch (RuntimeException e) {
      Optional<Claim> claimed = claim(row, now);
      if (claimed.isPresent()) {
        retryLater(claimed.get(), "composing the post failed: " + e, true, Optional.empty());
      }
      log.error("composing {} failed", row.describe(), e);
      return;
    }
    Optional<Claim> claimed = claim(row, now);
    if (claimed.isEmpty()) {
      return; // no longer claimable: unsubscribed or paused meanwhile
    }
    Claim claim = claimed.get();
    PostOptions options = new PostOptions(style(row.style()), idempotencyKey(row)).guardedBy(() -> renew(claim));
    if (claim.before().mayHavePosted()) {
      // the earlier attempt could post nothing after it was taken back (due again from then on):
      // what it posted up to then must be in the look-back's view
      options = options.retrying(claim.before().startedAt(), claim.before().nextAttemptAt());
    }
    try {
      PostReceipt receipt = gateway.post(row.channel(), message, options);
      if (outbox.markSent(claim, receipt.messageIds(), clock.instant())) {
        events.sent(row.channel().platform(), receipt.messageIds().size());
        log.info("sent {} as {} (attempt {})", row.describe(), receipt.messageIds(), claim.attempt());
      } else {
        // only someone taking this attempt back could have moved it: on SQLite another process on
        // the file; on a shared database, an instance that saw this one's lease run out (a pause
        // longer than the lease) and retried it, looking first for what this attempt posted
        log.warn("posted {} as {} but the attempt had been taken back meanwhile (this instance paused past its lease, "
            + "or another process uses the database)", row.describe(), receipt.messageIds());
      }
    } catch (PostException e) {
      if (e.kind() == PostException.Kind.SUPERSEDED) {
        // paused past the lease (a long GC, SIGSTOP) and taken over: the parts left are the new holder's
        log.warn("stopped posting {} part-way: {}", row.describe(), e.getMessage());
        return;
      }
      failed(claim, e);
    } catch (RuntimeException e) {
      // a gateway bug or an unexpected client failure: the outcome is unknown, retry carefully
      log.error("posting {} failed unexpectedly", row.describe(), e);
      retryLater(claim, "unexpected failure: " + e, true, Optional.empty());
    }
  }

  /**
   * Before each part after the first: keeps this attempt's lease for another {@code leaseLength},
   * so a long split post outlives no lease, and tells whether the row is still this attempt's.
   */
  private boolean renew(Claim claim) {
    return outbox.renewLease(claim, clock.instant().plus(leaseLength));
  }

  /** The flood bound's message half ({@link MessageBound}), measured by this channel's gateway. */
  private Message withinMessageBound(Delivery row, PostComposer composer, ChannelGateway gateway, Message message) {
    MessageBound.Fitted fitted = maxMessages.fit(message,
        cards -> composer.compose(row, cards) instanceof PostComposer.Post post ? post.message() : null,
        gateway::messages, style(row.style()));
    if (fitted.cut(message)) {
      log.warn("{}: {} cards would take {} messages, more than delivery.max-messages; posting {} cards", row.describe(),
          message.paperCards().size(), fitted.needed(), fitted.message().paperCards().size());
    }
    return fitted.message();
  }

  private void skip(Delivery row, String reason, Instant now) {
    if (outbox.markSkipped(row.id(), reason, now)) {
      log.info("skipped {}: {}", row.describe(), reason);
    }
  }

  private void failed(Claim claim, PostException e) {
    Delivery before = claim.before();
    String reason = e.platformCode() + ": " + e.getMessage();
    Instant now = clock.instant();
    switch (e.kind()) {
      case RATE_LIMITED -> retryLater(claim, "rate limited (" + reason + ")", false, e.retryAfter());
      case TRANSIENT -> retryLater(claim, reason, true, Optional.empty());
      case CHANNEL_GONE, FORBIDDEN -> {
        String why = (e.kind() == PostException.Kind.CHANNEL_GONE ? "the channel is gone" : "the bot may not post there")
            + " (" + reason + ")";
        outbox.markFailedAndPause(claim, why, now);
        events.failed(before.channel().platform());
        log.warn("failed {}; paused the channel's subscription: {}", before.describe(), why);
      }
      case PERMANENT -> {
        outbox.markFailed(claim, reason, now);
        events.failed(before.channel().platform());
        log.error("failed {} for good: {}", before.describe(), reason);
      }
      default -> throw new IllegalStateException("unknown kind " + e.kind());
    }
  }

  /**
   * @param claim      the attempt that just failed
   * @param counts     whether this failure counts towards the attempt limit (a rate limit does not)
   * @param retryAfter the platform's requested wait, if it gave one
   */
  private void retryLater(Claim claim, String reason, boolean counts, Optional<Duration> retryAfter) {
    Delivery before = claim.before();
    Instant now = clock.instant();
    int failures = before.failures() + (counts ? 1 : 0);
    int attempts = claim.attempt();
    if (counts && retry.exhausted(failures) || attempts >= RetryPolicy.ATTEMPT_CEILING) {
      String why = "gave up after " + attempts + " attempts: " + reason;
      outbox.markFailed(claim, why, now);
      events.failed(before.channel().platform());
      log.error("failed {}: {}", before.describe(), why);
      return;
    }
    Duration wait = retryAfter.orElseGet(() -> counts ? retry.backoff(failures, ThreadLocalRandom.current())
        : retry.base());
    outbox.markRetry(claim, now.plus(wait), reason, counts);
    events.retried(before.channel().platform(), !counts);
    log.warn("attempt {} of {} failed ({}); retrying in {} ms", attempts, before.describe(), reason, wait.toMillis());
  }
}
