package io.paperboy.bot.subscriptions;

import io.paperboy.bot.config.Quoting;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Subscription;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
 */
public record SubscriptionChanges(
    Optional<LocalTime> time,
    Optional<ZoneId> zone,
    Optional<DaySet> days,
    Optional<Integer> top,
    Optional<Integer> minVotes,
    Optional<Subscription.Style> style,
    Optional<Boolean> noDigestNote) {

  private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);

  public SubscriptionChanges {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(top, "top");
    Objects.requireNonNull(minVotes, "minVotes");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(noDigestNote, "noDigestNote");
  }

  public static SubscriptionChanges none() {
    return new SubscriptionChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
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

  /** {@code base} with these changes applied. */
  public Subscription applyTo(Subscription base) {
    Subscription s = base;
    s = time.map(s::withTime).orElse(s);
    s = zone.map(s::withZone).orElse(s);
    s = days.map(s::withDays).orElse(s);
    s = top.map(s::withTop).orElse(s);
    if (minVotes.isPresent()) {
      s = s.withMinVotes(minVotes.get() == 0 ? Optional.empty() : minVotes);
    }
    s = style.map(s::withStyle).orElse(s);
    s = noDigestNote.map(s::withNoDigestNote).orElse(s);
    return s;
  }
}
