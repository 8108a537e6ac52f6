package io.paperboy.store.delivery;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the outbox read, never changed: {@code /subscriptions}' last deliveries, the CLI, the
 * planner's view of what it already planned, tests and operators. Each call reads one consistent
 * state.
 */
public interface DeliveryReports {

  Optional<Delivery> find(long id);

  /** The row of a (channel, kind, key), if it was ever enqueued. */
  Optional<Delivery> find(OutboxKey key);

  /** A channel's rows, newest due first (ties: the later-enqueued first). */
  List<Delivery> forChannel(ChannelRef channel, int limit);

  /** The newest row (by due time; ties: the later-enqueued) of each channel of one guild or workspace. */
  Map<ChannelRef, Delivery> latestPerChannel(Platform platform, String workspace);

  /**
   * The keys of the rows of these kinds whose key is {@code fromKey} or later in text order
   * (daily keys are ISO dates, so that is date order), whatever their status.
   */
  Set<OutboxKey> keys(Set<Kind> kinds, String fromKey);

  /** Every row, in the order they were enqueued. */
  List<Delivery> all();

  /** How many rows are in each status; every status is present, 0 when none. */
  Map<Status, Integer> counts();
}
