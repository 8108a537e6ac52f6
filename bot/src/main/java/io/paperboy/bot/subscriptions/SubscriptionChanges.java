package io.paperboy.bot.subscriptions;

import io.paperboy.bot.config.Quoting;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Subscription;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings a {@code /subscribe} (or {@code paperboy subscriptions add}) gives; absent ones
 * keep the subscription's current value, or the default for a new one.
 *
 * @param time         posting time
 * @param zone         IANA zone
 * @param days         posting days
 * @param top          top-N (0 = all papers)
 * @param minVotes     vote threshold (0 = none)
 * @param style        layout
 * @param noDigestNote whether days without a digest get a note
 * @param cadence      daily or weekly posts
 * @param day          the day of a weekly post
 */
public record SubscriptionChanges(
    Optional<LocalTime> time,
    Optional<ZoneId> zone,
    Optional<DaySet> days,
    Optional<Integer> top,
    Optional<Integer> minVotes,
    Optional<Subscription.Style> style,
    Optional<Boolean> noDigestNote,
    Optional<Subscription.Cadence> cadence,
    Optional<DayOfWeek> day) {

  /** The top-N a channel gets when it turns weekly without saying: a week has hundreds of papers. */
  public static final int WEEKLY_TOP = 10;
  /** The day of a weekly post unless given. */
  public static final DayOfWeek WEEKLY_DAY = DayOfWeek.MONDAY;

  /** Changes of a daily subscription's settings, cadence and weekly day as they are. */
  public SubscriptionChanges(Optional<LocalTime> time, Optional<ZoneId> zone, Optional<DaySet> days,
      Optional<Integer> top, Optional<Integer> minVotes, Optional<Subscription.Style> style,
      Optional<Boolean> noDigestNote) {
    this(time, zone, days, top, minVotes, style, noDigestNote, Optional.empty(), Optional.empty());
  }

  private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);

  public SubscriptionChanges {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(top, "top");
    Objects.requireNonNull(minVotes, "minVotes");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(noDigestNote, "noDigestNote");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(day, "day");
    if (cadence.equals(Optional.of(Subscription.Cadence.WEEKLY)) && days.isPresent()) {
      throw new IllegalArgumentException("days: a weekly post comes on one day; give it as day:mon (or tue, …, sun)");
    }
    if (cadence.equals(Optional.of(Subscription.Cadence.DAILY)) && day.isPresent()) {
      throw new IllegalArgumentException("day: is the day of a weekly post; a daily one takes days:weekdays, "
          + "days:mon,wed,fri, …");
    }
  }

  public static SubscriptionChanges none() {
    return new SubscriptionChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Reads the textual settings, weekly ones included ({@code cadence:weekly day:mon}).
   *
   * @throws IllegalArgumentException naming the setting and what it accepts
   */
  public static SubscriptionChanges parse(Optional<String> time, Optional<String> zone, Optional<String> days,
      Optional<Long> top, Optional<Long> minVotes, Optional<String> style, Optional<Boolean> noDigestNote,
      Optional<String> cadence, Optional<String> day) {
    SubscriptionChanges daily = parse(time, zone, days, top, minVotes, style, noDigestNote);
    return new SubscriptionChanges(daily.time(), daily.zone(), daily.days(), daily.top(), daily.minVotes(),
        daily.style(), daily.noDigestNote(),
        cadence.map(c -> {
          try {
            return Subscription.Cadence.parse(c);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cadence: " + Quoting.requote(e.getMessage()), e);
          }
        }),
        day.map(SubscriptionChanges::parseDay));
  }

  /** {@code mon}, {@code Monday}: one weekday. */
  static DayOfWeek parseDay(String text) {
    DaySet set;
    try {
      set = DaySet.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("day: " + Quoting.quote(text) + " is not a day of the week (mon, tue, …, sun)", e);
    }
    if (set.days().size() != 1) {
      throw new IllegalArgumentException("day: a weekly post comes on one day, not " + Quoting.quote(text)
          + " (give mon, tue, …, sun)");
    }
    return set.days().iterator().next();
  }

  /**
   * Reads the textual settings (as typed on a command line).
   *
   * @throws IllegalArgumentException naming the setting and what it accepts
   */
  public static SubscriptionChanges parse(Optional<String> time, Optional<String> zone, Optional<String> days,
      Optional<Long> top, Optional<Long> minVotes, Optional<String> style, Optional<Boolean> noDigestNote) {
    return new SubscriptionChanges(
        time.map(SubscriptionChanges::parseTime),
        zone.map(SubscriptionChanges::parseZone),
        days.map(d -> {
          try {
            return DaySet.parse(d);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("days: " + Quoting.requote(e.getMessage()), e);
          }
        }),
        top.map(n -> range("top", n, 0, 100)),
        minVotes.map(n -> range("min_votes", n, 0, 1_000_000)),
        style.map(s -> {
          try {
            return Subscription.Style.parse(s);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("style: " + Quoting.requote(e.getMessage()), e);
          }
        }),
        noDigestNote);
  }

  /** {@code 09:00}, {@code 9:00}, {@code 9}, {@code 9am}, {@code 6:30pm}. */
  public static LocalTime parseTime(String text) {
    Matcher m = TIME.matcher(text.strip());
    if (m.matches()) {
      int hour = Integer.parseInt(m.group(1));
      int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      String half = m.group(3);
      if (half != null) {
        if (hour < 1 || hour > 12) {
          hour = -1;
        } else {
          hour = hour % 12 + (half.equalsIgnoreCase("pm") ? 12 : 0);
        }
      }
      try {
        return LocalTime.of(hour, minute);
      } catch (DateTimeException e) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException("time: " + Quoting.quote(text) + " is not a time of day (use HH:MM, e.g. 09:00 or 18:30)");
  }

  public static ZoneId parseZone(String text) {
    String t = text.strip();
    try {
      ZoneId zone = ZoneId.of(t);
      // fixed offsets such as +09:00 are accepted but do not follow DST; names do
      return zone;
    } catch (DateTimeException e) {
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(t)) {
          return ZoneId.of(id);
        }
      }
      throw new IllegalArgumentException("timezone: " + Quoting.quote(text) + " is not an IANA time zone (e.g. Asia/Seoul, "
          + "America/New_York, Europe/Berlin, UTC)", e);
    }
  }

  private static int range(String name, long n, int min, int max) {
    if (n < min || n > max) {
      throw new IllegalArgumentException(name + ": must be from " + min + " to " + max + ", not " + n);
    }
    return (int) n;
  }

  /** {@code base} with these changes applied; a weekly channel turning daily posts on every day. */
  public Subscription applyTo(Subscription base) {
    return applyTo(base, DaySet.DAILY);
  }

  /**
   * {@code base} with these changes applied. Turning weekly, a channel posts on {@code day} (or
   * {@link #WEEKLY_DAY}) and, unless {@code top} is given, the {@value #WEEKLY_TOP} most voted
   * papers; turning daily again, on {@code days} (or {@code dailyDays}).
   *
   * @throws IllegalArgumentException for {@code days} on a weekly channel, or {@code day} on a daily one
   */
  public Subscription applyTo(Subscription base, DaySet dailyDays) {
    Subscription s = base;
    s = time.map(s::withTime).orElse(s);
    s = zone.map(s::withZone).orElse(s);
    Subscription.Cadence target = cadence.orElse(base.cadence());
    if (target == Subscription.Cadence.WEEKLY) {
      if (days.isPresent()) {
        throw new IllegalArgumentException("days: this channel's post is weekly, on one day; give it as day:mon "
            + "(or tue, …, sun), or cadence:daily with days:");
      }
      DayOfWeek on = day.orElse(base.cadence() == Subscription.Cadence.WEEKLY
          ? base.days().days().iterator().next() : WEEKLY_DAY);
      s = s.withCadence(target, new DaySet(EnumSet.of(on)));
      if (base.cadence() != Subscription.Cadence.WEEKLY && top.isEmpty()) {
        s = s.withTop(WEEKLY_TOP);
      }
    } else {
      if (day.isPresent()) {
        throw new IllegalArgumentException("day: is the day of a weekly post; this channel's is daily "
            + "(days:weekdays, days:mon,wed,fri, … — or cadence:weekly)");
      }
      if (base.cadence() == Subscription.Cadence.WEEKLY) {
        s = s.withCadence(target, days.orElse(dailyDays));
      }
      s = days.map(s::withDays).orElse(s);
    }
    s = top.map(s::withTop).orElse(s);
    if (minVotes.isPresent()) {
      s = s.withMinVotes(minVotes.get() == 0 ? Optional.empty() : minVotes);
    }
    s = style.map(s::withStyle).orElse(s);
    s = noDigestNote.map(s::withNoDigestNote).orElse(s);
    return s;
  }
}
