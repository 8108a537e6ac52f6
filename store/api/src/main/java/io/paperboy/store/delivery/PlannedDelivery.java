package io.paperboy.store.delivery;

import io.paperboy.store.ChannelRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A row the planner wants in the outbox.
 *
 * @param channel    where
 * @param kind       what
 * @param key        which one (the date for daily posts)
 * @param top        the subscription's top-N (0 = all)
 * @param minVotes   the subscription's vote threshold
 * @param style      the subscription's layout
 * @param dueAt      when it became due
 * @param skipReason when present the row is recorded as skipped, never sent (e.g. "missed by
 *                   3 days, beyond the 24 h catch-up window"): the record keeps it from being
 *                   considered, and logged, again
 */
public record PlannedDelivery(
    ChannelRef channel,
    Delivery.Kind kind,
    String key,
    int top,
    Optional<Integer> minVotes,
    Subscription.Style style,
    Instant dueAt,
    Optional<String> skipReason) {

  public PlannedDelivery {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(minVotes, "minVotes");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(skipReason, "skipReason");
  }

  /** A post for {@code subscription}'s channel with its current settings. */
  public static PlannedDelivery of(Subscription subscription, Delivery.Kind kind, String key, Instant dueAt,
      Optional<String> skipReason) {
    return new PlannedDelivery(subscription.channel(), kind, key, subscription.top(), subscription.minVotes(),
        subscription.style(), dueAt, skipReason);
  }

  public OutboxKey outboxKey() {
    return new OutboxKey(channel, kind, key);
  }
}
