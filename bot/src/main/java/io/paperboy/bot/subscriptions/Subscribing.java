package io.paperboy.bot.subscriptions;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Subscribes a channel or changes its subscription; shared by {@code /subscribe} and the CLI. */
public final class Subscribing {

  private final SubscriptionStore store;
  private final SubscriptionDefaults defaults;

  public Subscribing(SubscriptionStore store, SubscriptionDefaults defaults) {
    this.store = Objects.requireNonNull(store, "store");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /**
   * What subscribing did.
   *
   * @param subscription the subscription now stored
   * @param created      whether the channel had none before
   * @param resumed      whether it had a paused one that now posts again
   */
  public record Outcome(Subscription subscription, boolean created, boolean resumed) {}

  /**
   * Subscribes {@code channel}, or applies {@code changes} to its subscription (resuming a paused one).
   *
   * @throws IllegalArgumentException when the changes do not fit the channel's cadence
   *     ({@link SubscriptionChanges#applyTo(Subscription, io.paperboy.store.delivery.DaySet)})
   */
  public Outcome subscribe(ChannelRef channel, SubscriptionChanges changes, Instant now) {
    Optional<Subscription> existing = store.find(channel);
    Subscription base = existing.orElseGet(() ->
        Subscription.of(channel, defaults.time(), defaults.zone(), defaults.days(), now));
    Subscription wanted = changes.applyTo(base, defaults.days()).resumed();
    Subscription stored = store.save(wanted, now);
    return new Outcome(stored, existing.isEmpty(), existing.map(Subscription::paused).orElse(false));
  }

  /** Subscribes with the defaults unless the channel has a subscription (used for the console). */
  public Optional<Subscription> subscribeIfAbsent(ChannelRef channel, Instant now) {
    if (store.find(channel).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(subscribe(channel, SubscriptionChanges.none(), now).subscription());
  }

  /** @return whether the channel had a subscription */
  public boolean unsubscribe(ChannelRef channel, Instant now) {
    return store.remove(channel, now);
  }

  public Optional<Subscription> find(ChannelRef channel) {
    return store.find(channel);
  }

  public SubscriptionDefaults defaults() {
    return defaults;
  }
}
