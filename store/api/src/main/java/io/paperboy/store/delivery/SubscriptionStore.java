package io.paperboy.store.delivery;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: subscriptions to the daily post, one per channel (platform + workspace + channel +
 * thread). Nothing here crosses workspaces: listing is per workspace, lookups per channel.
 */
public interface SubscriptionStore {

  /**
   * Creates the channel's subscription or replaces its settings (a paused one saved unpaused
   * resumes). An existing subscription keeps its {@code createdAt} (posts it already owed stay
   * owed; days before it stay unposted).
   *
   * @return the subscription as stored
   */
  Subscription save(Subscription subscription, Instant now);

  /** The channel's subscription, if it has one. */
  Optional<Subscription> find(ChannelRef channel);

  /** Every subscription of one guild or workspace, by channel then thread. */
  List<Subscription> inWorkspace(Platform platform, String workspace);

  /** Every subscription, by platform, workspace, channel and thread. */
  List<Subscription> all();

  /** Every subscription that is not paused, in the order of {@link #all}. */
  List<Subscription> active();

  /**
   * Removes the channel's subscription; its daily and weekly posts still pending in the outbox are skipped
   * (already-sent rows stay, so subscribing again the same day does not post that day twice;
   * alert rows are not daily posts and stay).
   *
   * @return whether there was a subscription
   */
  boolean remove(ChannelRef channel, Instant now);

  /**
   * Pauses the channel's subscription (its channel is gone or forbids the bot) and skips every
   * row still pending for the channel in the outbox, alerts included. Subscribing again resumes it.
   *
   * @return whether there was an active subscription to pause
   */
  boolean pause(ChannelRef channel, String reason, Instant now);
}
