package io.paperboy.bot.subscriptions;

import io.paperboy.store.delivery.DaySet;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** What a new subscription gets where {@code /subscribe} says nothing: from the configuration. */
public record SubscriptionDefaults(LocalTime time, ZoneId zone, DaySet days) {

  public SubscriptionDefaults {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(days, "days");
  }
}
