package io.paperboy.store.delivery;

import io.paperboy.store.ChannelRef;
import java.util.Objects;

/** The unique key of an outbox row: (channel, kind, key). */
public record OutboxKey(ChannelRef channel, Delivery.Kind kind, String key) {

  public OutboxKey {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
  }
}
