package io.paperboy.scheduler.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One scheduled post: the channel's local date and the instant its posting time falls on that date.
 *
 * @param date the channel's local date, which names the digest the post carries
 * @param at   when the post is due
 */
public record Slot(LocalDate date, Instant at) {

  public Slot {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(at, "at");
  }
}
