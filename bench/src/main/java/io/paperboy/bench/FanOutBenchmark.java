package io.paperboy.bench;

import io.paperboy.store.ArxivId;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DailyPosts;
import io.paperboy.bot.delivery.DeliveryWorker;
import io.paperboy.bot.delivery.RetryPolicy;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.testkit.platform.RateLimits;
import io.paperboy.testkit.outbox.OutboxDrain;
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
import org.slf4j.LoggerFactory;

/**
 * One day's post to many Discord channels through the real planner, outbox and
 * {@link DeliveryWorker} (production delivery settings), over HTTP to the loopback platform that
 * enforces Discord's documented limits; the time it took beside the floor those limits allow.
 */
final class FanOutBenchmark {

  /**
   * @param channels        channels subscribed (one message each)
   * @param messages        messages the fake holds at the end
   * @param sent            outbox rows marked sent
   * @param seconds         from starting the worker to the outbox drained
   * @param floorSeconds    the least time the limits allow for {@code messages}
   * @param rateLimited     429 answers the fake gave
   * @param parallelism     the worker's parallelism
   */
  record Result(int channels, int messages, int sent, double seconds, double floorSeconds, int rateLimited,
      int parallelism) {

    /** floor / actual: 1.0 is as fast as the limits allow. */
    double ofCeiling() {
      return floorSeconds / seconds;
    }
  }

  private static final LocalDate DAY = LocalDate.parse("2024-06-07");
  /** 09:00 in Seoul on {@link #DAY}: the subscriptions' slot. */
  private static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");

  private FanOutBenchmark() {}

  static Result run(Path file, int channels) throws Exception {
    DeliveryConfig config = PaperboyConfig.defaults().delivery();
    RateLimits limits = RateLimits.discord();
    Level workerLevel = quiet("io.paperboy.bot.delivery");
    Level plannerLevel = quiet("io.paperboy.scheduler.plan");
    try (FakePlatform fake = new FakePlatform(); SqliteStores stores = SqliteStores.open(file)) {
      fake.enforce(limits);
      PaperStore papers = stores.papers();
      SubscriptionStore subscriptions = stores.subscriptions();
      OutboxStore outbox = stores.outbox();
      DeliveryReports reports = stores.reports();
      // as many papers as one posted part holds: one message per channel
      papers.save(digest(HttpTestGateway.CARDS_PER_PART));
      for (int i = 0; i < channels; i++) {
        subscriptions.save(Subscription.of(ChannelRef.of(Platform.DISCORD, "G1", "C" + i), LocalTime.of(9, 0),
            ZoneId.of("Asia/Seoul"), DaySet.DAILY, SLOT.minus(Duration.ofDays(30))), SLOT.minus(Duration.ofDays(30)));
      }
      // the clock reads the slot now and keeps running
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT));
      DailyPosts posts = new DailyPosts(papers, new DailyPostFormatter());
      DeliveryWorker worker = new DeliveryWorker(outbox, Map.of(Delivery.Kind.DIGEST, posts, Delivery.Kind.NO_DIGEST,
          posts), Map.of(Platform.DISCORD, new HttpTestGateway(Platform.DISCORD, fake.baseUrl())),
          new RetryPolicy(config.retryBaseDelay(), config.retryMaxDelay(), config.maxAttempts()), config.catchUp(),
          config.poll(), config.parallelism(), clock);
      DeliveryPlanner planner = new DeliveryPlanner(subscriptions, outbox, reports, DigestDays.of(papers),
          new PlanRules(config.catchUp()), EnumSet.of(Platform.DISCORD), clock, worker::wake);
      int planned = planner.planOnce().due().size();
      if (planned != channels) {
        throw new IllegalStateException("planned " + planned + " posts for " + channels + " channels");
      }
      long start = System.nanoTime();
      worker.start();
      try {
        OutboxDrain.await(reports, Duration.ofMinutes(10));
      } finally {
        worker.stop(Duration.ofSeconds(10));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int messages = fake.allPosts().values().stream().mapToInt(List::size).sum();
      int sent = reports.counts().get(Delivery.Status.SENT);
      if (messages != channels || sent != channels) {
        throw new IllegalStateException("fan-out ended with " + messages + " messages and " + sent + " rows sent for "
            + channels + " channels: " + reports.counts());
      }
      return new Result(channels, messages, sent, seconds, limits.floorSeconds(messages, channels),
          fake.rateLimitedAnswers(), config.parallelism());
    } finally {
      logger("io.paperboy.bot.delivery").setLevel(workerLevel);
      logger("io.paperboy.scheduler.plan").setLevel(plannerLevel);
    }
  }

  private static Digest digest(int n) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= n; rank++) {
      String id = String.format("2406.%05d", 700 + rank);
      entries.add(new DigestEntry(DAY, rank, id, "Paper " + rank + " of " + DAY, ArxivId.absUrl(id),
          Optional.of(10 * (n - rank + 1)), List.of("Ada Lovelace", "Alan Turing"), Optional.empty(),
          "- 요약 " + rank + ": a short summary of the paper."));
    }
    return new Digest(DAY, entries, "bench:" + DAY);
  }

  /** Every planned row and every 429 is logged; the bench prints counts instead of thousands of lines. */
  private static Level quiet(String name) {
    Logger logger = logger(name);
    Level before = logger.getLevel();
    logger.setLevel(Level.ERROR);
    return before;
  }

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }
}
