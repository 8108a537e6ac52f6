package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.ChannelGateway;

import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.DigestDays;
import io.paperboy.scheduler.plan.PlanRules;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.outbox.OutboxDrain;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real SQLite file with a day's digest, subscriptions and the real planner and worker: what the
 * delivery tests and the crash test's child process share.
 */
final class DeliveryFixture implements AutoCloseable {

  static final LocalDate DAY = LocalDate.parse("2024-06-07");
  /** 09:00 in Seoul on {@link #DAY}. */
  static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");
  static final Duration WINDOW = Duration.ofHours(24);

  final SqliteStores stores;
  final PaperStore papers;
  final SubscriptionStore subscriptions;
  final OutboxStore outbox;
  final DeliveryReports reports;
  final DailyPosts dailyPosts;

  DeliveryFixture(Path file) {
    stores = SqliteStores.open(file);
    papers = stores.papers();
    subscriptions = stores.subscriptions();
    outbox = stores.outbox();
    reports = stores.reports();
    dailyPosts = new DailyPosts(papers, new DailyPostFormatter());
  }

  /** A clock that reads {@code at} now and keeps running. */
  static Clock clockAt(Instant at) {
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
  }

  /** A digest of {@code n} papers, votes falling with rank. */
  static Digest digest(LocalDate date, int n) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= n; rank++) {
      String id = String.format("%02d%02d.%05d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth() * 100 + rank);
      entries.add(new DigestEntry(date, rank, id, "Paper " + rank + " of " + date, "https://arxiv.org/abs/" + id,
          Optional.of(10 * (n - rank + 1)), List.of("Ada Lovelace", "Alan Turing"), Optional.empty(),
          "- 요약 " + rank + ": a short summary of the paper."));
    }
    return new Digest(date, entries, "test:" + date);
  }

  /** Subscribes {@code count} channels {@code prefix0..} of one workspace at 09:00 Seoul, daily. */
  List<ChannelRef> subscribe(Platform platform, String workspace, String prefix, int count) {
    List<ChannelRef> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      refs.add(subscribe(ChannelRef.of(platform, workspace, prefix + i)));
    }
    return refs;
  }

  /** Subscribes one channel at 09:00 Seoul, daily, since a month before {@link #SLOT}. */
  ChannelRef subscribe(ChannelRef ref) {
    subscriptions.save(Subscription.of(ref, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY,
        SLOT.minus(Duration.ofDays(30))), SLOT.minus(Duration.ofDays(30)));
    return ref;
  }

  DeliveryPlanner planner(Clock clock, Runnable wake) {
    return new DeliveryPlanner(subscriptions, outbox, reports, DigestDays.of(papers), new PlanRules(WINDOW),
        EnumSet.of(Platform.DISCORD, Platform.SLACK), clock, wake);
  }

  DeliveryWorker worker(Map<Platform, ChannelGateway> gateways, RetryPolicy retry, int parallelism, Clock clock) {
    return new DeliveryWorker(outbox, Map.of(Delivery.Kind.DIGEST, dailyPosts, Delivery.Kind.NO_DIGEST, dailyPosts),
        gateways, retry, WINDOW, Duration.ofMillis(200), parallelism, clock);
  }

  /** Waits until every row is finished; fails after {@code max} (a guard, not a measurement). */
  void awaitQuiet(Duration max) throws InterruptedException {
    OutboxDrain.await(reports, max);
  }

  @Override
  public void close() {
    stores.close();
  }
}
