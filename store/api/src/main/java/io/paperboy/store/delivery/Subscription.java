package io.paperboy.store.delivery;

import io.paperboy.store.ChannelRef;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel's subscription to the daily post, or to the weekly one.
 *
 * @param channel      where the post goes; the subscription's identity
 * @param time         local posting time, to the minute
 * @param zone         the IANA zone {@code time} and the days are read in
 * @param days         the weekdays to post on; for a weekly post the one day it comes on
 * @param top          post only the {@code top} best-ranked papers; 0 posts all
 * @param minVotes     post only papers with at least this many votes, if set
 * @param style        layout of the post
 * @param noDigestNote whether a day without a digest gets a short "no digest today" note
 * @param paused       whether posting is paused (the channel vanished or forbids the bot)
 * @param pauseReason  why it is paused, for {@code /subscriptions}
 * @param createdAt    when the subscription started: posts due before it are never sent
 * @param cadence      a daily post with that day's digest, or a weekly one with the week's most
 *                     voted papers
 */
public record Subscription(
    ChannelRef channel,
    LocalTime time,
    ZoneId zone,
    DaySet days,
    int top,
    Optional<Integer> minVotes,
    Style style,
    boolean noDigestNote,
    boolean paused,
    Optional<String> pauseReason,
    Instant createdAt,
    Cadence cadence) {

  /** How often a channel is posted to, and with what. */
  public enum Cadence {
    /** Each of its days, that day's digest. */
    DAILY,
    /**
     * Once a week on its one day, the most voted papers of the seven days before (in the
     * channel's zone); planned as {@link Delivery.Kind#WEEKLY} rows.
     */
    WEEKLY;

    /** {@code daily} or {@code weekly}, as typed and stored. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code daily} or {@code weekly} */
    public static Cadence parse(String word) {
      for (Cadence c : values()) {
        if (c.word().equalsIgnoreCase(word.strip())) {
          return c;
        }
      }
      throw new IllegalArgumentException("'" + word + "' is not a cadence (daily or weekly)");
    }
  }

  /** A daily subscription (the shape before weekly posts existed). */
  public Subscription(ChannelRef channel, LocalTime time, ZoneId zone, DaySet days, int top, Optional<Integer> minVotes,
      Style style, boolean noDigestNote, boolean paused, Optional<String> pauseReason, Instant createdAt) {
    this(channel, time, zone, days, top, minVotes, style, noDigestNote, paused, pauseReason, createdAt, Cadence.DAILY);
  }

  /**
   * How the post is laid out; the bot maps it to its gateway's post style. Lives here because the
   * store cannot see the bot module.
   */
  public enum Style {
    /** The whole digest as one or more consecutive messages. */
    DIGEST,
    /** A header message, then one thread per paper. */
    THREADS;

    /** {@code digest} or {@code threads}, as typed and stored. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code digest} or {@code threads} */
    public static Style parse(String word) {
      for (Style s : values()) {
        if (s.word().equalsIgnoreCase(word.strip())) {
          return s;
        }
      }
      throw new IllegalArgumentException("'" + word + "' is not a style (digest or threads)");
    }
  }

  public Subscription {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(minVotes, "minVotes");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(pauseReason, "pauseReason");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(cadence, "cadence");
    if (cadence == Cadence.WEEKLY && days.days().size() != 1) {
      throw new IllegalArgumentException("a weekly post comes on one day, not " + days.text());
    }
    time = time.truncatedTo(ChronoUnit.MINUTES);
    if (top < 0) {
      throw new IllegalArgumentException("top must be >= 0 (0 = all papers), was " + top);
    }
    if (minVotes.isPresent() && minVotes.get() < 0) {
      throw new IllegalArgumentException("min_votes must be >= 0, was " + minVotes.get());
    }
    if (!paused) {
      pauseReason = Optional.empty();
    }
  }

  /** A new, active subscription with the given schedule, all papers, digest style. */
  public static Subscription of(ChannelRef channel, LocalTime time, ZoneId zone, DaySet days, Instant createdAt) {
    return new Subscription(channel, time, zone, days, 0, Optional.empty(), Style.DIGEST, false, false,
        Optional.empty(), createdAt);
  }

  public Subscription withTime(LocalTime value) {
    return new Subscription(channel, value, zone, days, top, minVotes, style, noDigestNote, paused, pauseReason, createdAt, cadence);
  }

  public Subscription withZone(ZoneId value) {
    return new Subscription(channel, time, value, days, top, minVotes, style, noDigestNote, paused, pauseReason, createdAt, cadence);
  }

  public Subscription withDays(DaySet value) {
    return new Subscription(channel, time, zone, value, top, minVotes, style, noDigestNote, paused, pauseReason, createdAt, cadence);
  }

  public Subscription withTop(int value) {
    return new Subscription(channel, time, zone, days, value, minVotes, style, noDigestNote, paused, pauseReason, createdAt, cadence);
  }

  public Subscription withMinVotes(Optional<Integer> value) {
    return new Subscription(channel, time, zone, days, top, value, style, noDigestNote, paused, pauseReason, createdAt, cadence);
  }

  public Subscription withStyle(Style value) {
    return new Subscription(channel, time, zone, days, top, minVotes, value, noDigestNote, paused, pauseReason, createdAt, cadence);
  }

  public Subscription withNoDigestNote(boolean value) {
    return new Subscription(channel, time, zone, days, top, minVotes, style, value, paused, pauseReason, createdAt, cadence);
  }

  /** The same subscription with another cadence and days (a weekly one needs exactly one day). */
  public Subscription withCadence(Cadence value, DaySet valueDays) {
    return new Subscription(channel, time, zone, valueDays, top, minVotes, style, noDigestNote, paused, pauseReason,
        createdAt, value);
  }

  /** The same subscription, posting again. */
  public Subscription resumed() {
    return new Subscription(channel, time, zone, days, top, minVotes, style, noDigestNote, false, Optional.empty(),
        createdAt, cadence);
  }
}
