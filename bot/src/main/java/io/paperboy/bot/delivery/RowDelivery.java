package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;

import io.paperboy.core.message.Message;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.OutboxStore;
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
 * Delivers one outbox row: compose → record the attempt (its own committed transaction) → post
 * (no transaction open) → mark sent, retry later, fail, or fail and pause the subscription.
 */
final class RowDelivery {

  private static final Logger log = LoggerFactory.getLogger(RowDelivery.class);

  private final OutboxStore outbox;
  private final Map<Delivery.Kind, PostComposer> composers;
  private final Map<io.paperboy.store.Platform, ChannelGateway> gateways;
  private final RetryPolicy retry;
  private final Duration catchUpWindow;
  private final Clock clock;

  RowDelivery(OutboxStore outbox, Map<Delivery.Kind, PostComposer> composers,
      Map<io.paperboy.store.Platform, ChannelGateway> gateways, RetryPolicy retry, Duration catchUpWindow, Clock clock) {
    this.outbox = outbox;
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
      Optional<Delivery> claimed = outbox.claim(row.id(), now);
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
    Message message = ((PostComposer.Post) composed).message();
    Optional<Delivery> before = outbox.claim(row.id(), now);
    if (before.isEmpty()) {
      return; // no longer pending: unsubscribed or paused meanwhile
    }
    PostOptions options = new PostOptions(style(row.style()), idempotencyKey(row));
    if (before.get().mayHavePosted()) {
      options = options.retrying();
    }
    try {
      PostReceipt receipt = gateway.post(row.channel(), message, options);
      if (outbox.markSent(row.id(), receipt.messageIds(), clock.instant())) {
        log.info("sent {} as {} (attempt {})", row.describe(), receipt.messageIds(), before.get().attempts() + 1);
      } else {
        // only another process recovering this database's rows could have moved it: one run per database
        log.warn("posted {} as {} but the row was no longer attempting; is another Paperboy using this database?",
            row.describe(), receipt.messageIds());
      }
    } catch (PostException e) {
      failed(before.get(), e);
    } catch (RuntimeException e) {
      // a gateway bug or an unexpected client failure: the outcome is unknown, retry carefully
      log.error("posting {} failed unexpectedly", row.describe(), e);
      retryLater(before.get(), "unexpected failure: " + e, true, Optional.empty());
    }
  }

  private void skip(Delivery row, String reason, Instant now) {
    if (outbox.markSkipped(row.id(), reason, now)) {
      log.info("skipped {}: {}", row.describe(), reason);
    }
  }

  private void failed(Delivery before, PostException e) {
    String reason = e.platformCode() + ": " + e.getMessage();
    Instant now = clock.instant();
    switch (e.kind()) {
      case RATE_LIMITED -> retryLater(before, "rate limited (" + reason + ")", false, e.retryAfter());
      case TRANSIENT -> retryLater(before, reason, true, Optional.empty());
      case CHANNEL_GONE, FORBIDDEN -> {
        String why = (e.kind() == PostException.Kind.CHANNEL_GONE ? "the channel is gone" : "the bot may not post there")
            + " (" + reason + ")";
        outbox.markFailedAndPause(before.id(), why, now);
        log.warn("failed {}; paused the channel's subscription: {}", before.describe(), why);
      }
      case PERMANENT -> {
        outbox.markFailed(before.id(), reason, now);
        log.error("failed {} for good: {}", before.describe(), reason);
      }
      default -> throw new IllegalStateException("unknown kind " + e.kind());
    }
  }

  /**
   * @param before     the row before the attempt that just failed
   * @param counts     whether this failure counts towards the attempt limit (a rate limit does not)
   * @param retryAfter the platform's requested wait, if it gave one
   */
  private void retryLater(Delivery before, String reason, boolean counts, Optional<Duration> retryAfter) {
    Instant now = clock.instant();
    int failures = before.failures() + (counts ? 1 : 0);
    int attempts = before.attempts() + 1;
    if (counts && retry.exhausted(failures) || attempts >= RetryPolicy.ATTEMPT_CEILING) {
      String why = "gave up after " + attempts + " attempts: " + reason;
      outbox.markFailed(before.id(), why, now);
      log.error("failed {}: {}", before.describe(), why);
      return;
    }
    Duration wait = retryAfter.orElseGet(() -> counts ? retry.backoff(failures, ThreadLocalRandom.current())
        : retry.base());
    outbox.markRetry(before.id(), now.plus(wait), reason, counts);
    log.warn("attempt {} of {} failed ({}); retrying in {} ms", attempts, before.describe(), reason, wait.toMillis());
  }
}
