package io.paperboy.scheduler.plan;

import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import io.paperboy.store.delivery.WeeklyKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The planning rules, as a pure function of the durable state and the time: which outbox rows
 * should exist now.
 *
 * <ul>
 *   <li>A subscription has a slot on each of its days at its local time, from its creation on.</li>
 *   <li>When a slot has come and the digest of that local date is stored, a {@code digest} row
 *       is due. If the digest arrives after the slot, the row is planned when it arrives.</li>
 *   <li>When a slot has come and no digest is stored, a channel that opted in gets a
 *       {@code no-digest} note; should the digest still arrive, it is posted as well.</li>
 *   <li>A slot older than the catch-up window is no longer posted: a digest is recorded as skipped
 *       (and so logged once); a belated note is simply dropped. Slots older than the window plus {@link #LOOKBACK_BEYOND_WINDOW} are not
 *       looked at at all, so back-filling old days never posts them.</li>
 *   <li>Rows that exist, whatever their status, are never planned again.</li>
 *   <li>A weekly subscription has one slot a week, on its one day. When it has come and a digest
 *       of the seven days before it is stored, a {@code weekly} row is due (keyed by the slot's ISO
 *       week date, {@link WeeklyKey}); while none is, nothing is planned. At most one weekly row per
 *       channel and ISO week, so moving the day within a week does not post that week twice. The
 *       catch-up window applies as to a digest.</li>
 * </ul>
 */
public final class PlanRules {

  /** How far beyond the catch-up window skipped slots are still noticed and recorded. */
  public static final Duration LOOKBACK_BEYOND_WINDOW = Duration.ofDays(7);

  private final Duration catchUpWindow;

  /** @param catchUpWindow how late a post may still go out after its slot */
  public PlanRules(Duration catchUpWindow) {
    this.catchUpWindow = Objects.requireNonNull(catchUpWindow, "catchUpWindow");
    if (catchUpWindow.isNegative()) {
      throw new IllegalArgumentException("the catch-up window must not be negative: " + catchUpWindow);
    }
  }

  /** The earliest instant whose slots {@link #plan} looks at. */
  public Instant lookbackStart(Instant now) {
    return now.minus(catchUpWindow).minus(LOOKBACK_BEYOND_WINDOW);
  }

  /**
   * @param subscriptions the active subscriptions to plan for
   * @param digestDates   the dates with a stored digest (at least those since seven days before
   *                      {@link #lookbackStart}, which weekly posts look back on)
   * @param existing      the outbox keys that exist (at least those since {@link #lookbackStart})
   * @param now           the time
   * @return the rows to add, oldest slot first per subscription
   */
  public List<PlannedDelivery> plan(List<Subscription> subscriptions, Set<LocalDate> digestDates,
      Set<OutboxKey> existing, Instant now) {
    List<PlannedDelivery> rows = new ArrayList<>();
    Instant lookback = lookbackStart(now);
    Set<String> weeksPlanned = weeksPlanned(existing);
    for (Subscription s : subscriptions) {
      if (s.paused()) {
        continue;
      }
      // a slot exactly at creation counts: subscribing at 09:00 for 09:00 posts today
      Instant from = s.createdAt().minusNanos(1).isAfter(lookback) ? s.createdAt().minusNanos(1) : lookback;
      for (Slot slot : Schedule.slotsBetween(s, from, now)) {
        Optional<PlannedDelivery> row = s.cadence() == Subscription.Cadence.WEEKLY
            ? planWeek(s, slot, digestDates, weeksPlanned, now)
            : planSlot(s, slot, digestDates, existing, now);
        row.ifPresent(rows::add);
      }
    }
    return rows;
  }

  /** {@code channel week} of every weekly row that exists: what "once a week" is checked against. */
  private static Set<String> weeksPlanned(Set<OutboxKey> existing) {
    Set<String> weeks = new HashSet<>();
    for (OutboxKey k : existing) {
      if (k.kind() == Kind.WEEKLY) {
        weeks.add(k.channel().key() + " " + WeeklyKey.weekOfKey(k.key()));
      }
    }
    return weeks;
  }

  private Optional<PlannedDelivery> planWeek(Subscription s, Slot slot, Set<LocalDate> digestDates,
      Set<String> weeksPlanned, Instant now) {
    String week = s.channel().key() + " " + WeeklyKey.week(slot.date());
    if (weeksPlanned.contains(week)) {
      return Optional.empty();
    }
    LocalDate first = WeeklyKey.firstDay(slot.date());
    LocalDate last = WeeklyKey.lastDay(slot.date());
    boolean anyDigest = digestDates.stream().anyMatch(d -> !d.isBefore(first) && !d.isAfter(last));
    if (!anyDigest) {
      return Optional.empty();
    }
    weeksPlanned.add(week);
    return Optional.of(PlannedDelivery.of(s, Kind.WEEKLY, WeeklyKey.of(slot.date()), slot.at(),
        tooLate(slot, now)));
  }

  /** Why a slot is no longer posted, if it is beyond the catch-up window. */
  private Optional<String> tooLate(Slot slot, Instant now) {
    Duration late = Duration.between(slot.at(), now);
    return late.compareTo(catchUpWindow) > 0
        ? Optional.of("missed by " + Durations.text(late) + ", beyond the " + Durations.text(catchUpWindow)
            + " catch-up window")
        : Optional.empty();
  }

  private Optional<PlannedDelivery> planSlot(Subscription s, Slot slot, Set<LocalDate> digestDates,
      Set<OutboxKey> existing, Instant now) {
    String key = slot.date().toString();
    if (existing.contains(new OutboxKey(s.channel(), Kind.DIGEST, key))) {
      return Optional.empty();
    }
    Kind kind;
    if (digestDates.contains(slot.date())) {
      kind = Kind.DIGEST;
    } else if (s.noDigestNote() && !existing.contains(new OutboxKey(s.channel(), Kind.NO_DIGEST, key))) {
      kind = Kind.NO_DIGEST;
    } else {
      return Optional.empty();
    }
    Duration late = Duration.between(slot.at(), now);
    boolean tooLate = late.compareTo(catchUpWindow) > 0;
    if (tooLate && kind == Kind.NO_DIGEST) {
      // a belated "no digest today" says nothing worth recording
      return Optional.empty();
    }
    Optional<String> skip = tooLate
        ? Optional.of("missed by " + Durations.text(late) + ", beyond the " + Durations.text(catchUpWindow)
            + " catch-up window")
        : Optional.empty();
    return Optional.of(PlannedDelivery.of(s, kind, key, slot.at(), skip));
  }
}
