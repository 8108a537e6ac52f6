package io.paperboy.scheduler.plan;

import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.paperboy.store.delivery.WeeklyKey;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the outbox rows that are due: reads the active subscriptions, the stored digest dates and
 * the existing outbox keys, applies {@link PlanRules}, and inserts what is missing (the outbox's
 * unique key makes a repeated or concurrent run harmless). Then wakes the delivery worker.
 */
public final class DeliveryPlanner {

  private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);

  private final SubscriptionStore subscriptions;
  private final OutboxStore outbox;
  private final DeliveryReports reports;
  private final DigestDays digestDays;
  private final PlanRules rules;
  private final Set<Platform> platforms;
  private final Clock clock;
  private final Runnable onEnqueued;

  /**
   * @param reports    what the outbox holds already (the planner reads its keys)
   * @param platforms  the platforms with a running adapter; other platforms' subscriptions wait
   *                   (and catch up within the window once their adapter runs again)
   * @param onEnqueued called after new rows were added (wakes the delivery worker)
   */
  public DeliveryPlanner(SubscriptionStore subscriptions, OutboxStore outbox, DeliveryReports reports,
      DigestDays digestDays, PlanRules rules, Set<Platform> platforms, Clock clock, Runnable onEnqueued) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.digestDays = Objects.requireNonNull(digestDays, "digestDays");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.platforms = platforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(platforms));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onEnqueued = Objects.requireNonNull(onEnqueued, "onEnqueued");
  }

  /** The clock the planner plans by (the application's, which {@code --now} may pin). */
  public Clock clock() {
    return clock;
  }

  /** What one run added. */
  public record Result(List<PlannedDelivery> due, List<PlannedDelivery> skipped) {}

  /** Plans once, at the clock's current time. */
  public Result planOnce() {
    Instant now = clock.instant();
    List<Subscription> active = subscriptions.active().stream()
        .filter(s -> platforms.contains(s.channel().platform()))
        .toList();
    if (active.isEmpty()) {
      return new Result(List.of(), List.of());
    }
    Instant lookback = rules.lookbackStart(now);
    // local dates lie within a day of the UTC date in every zone
    LocalDate from = LocalDate.ofInstant(lookback, ZoneOffset.UTC).minusDays(1);
    LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
    // a weekly post carries the seven days before its slot
    LocalDate weekFrom = from.minusDays(7);
    Set<LocalDate> digests = digestDays.between(weekFrom, to);
    Set<OutboxKey> existing = new HashSet<>(reports.keys(EnumSet.of(Kind.DIGEST, Kind.NO_DIGEST), from.toString()));
    existing.addAll(reports.keys(EnumSet.of(Kind.WEEKLY), WeeklyKey.week(weekFrom)));

    List<PlannedDelivery> planned = rules.plan(active, digests, existing, now);
    List<PlannedDelivery> added = outbox.enqueue(planned, now);
    List<PlannedDelivery> due = added.stream().filter(p -> p.skipReason().isEmpty()).toList();
    List<PlannedDelivery> skipped = added.stream().filter(p -> p.skipReason().isPresent()).toList();
    for (PlannedDelivery p : skipped) {
      log.warn("skipped {} {} {}: {}", p.channel().key(), p.kind().word(), p.key(), p.skipReason().get());
    }
    for (PlannedDelivery p : due) {
      log.info("due: {} {} {} (slot {})", p.channel().key(), p.kind().word(), p.key(), p.dueAt());
    }
    if (!due.isEmpty()) {
      onEnqueued.run();
    }
    return new Result(due, skipped);
  }
}
