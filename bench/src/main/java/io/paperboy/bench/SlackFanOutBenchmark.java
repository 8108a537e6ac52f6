package io.paperboy.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DailyPosts;
import io.paperboy.bot.delivery.DeliveryWorker;
import io.paperboy.bot.delivery.RetryPolicy;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.DigestDays;
import io.paperboy.scheduler.plan.PlanRules;
import io.paperboy.slack.BotTokens;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackPacer;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.slack.CallCounts;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.SlackLimits;
import java.io.PrintStream;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * One day's post to many Slack channels of one workspace through the production path — planner,
 * outbox, {@link DeliveryWorker}, {@link SlackGateway} on Bolt's {@code MethodsClient} — against
 * the fake Slack with its limits on: one post per second per channel (burst 3) and, since every
 * channel gets one message, the workspace's posting limit decides. Slack gives that one no number
 * ("several hundred messages per minute"); the fake enforces {@link #WORKSPACE_POSTS_PER_MINUTE}
 * and the gateway is told the same rate. The floor is the messages at that sustained rate.
 */
final class SlackFanOutBenchmark {

  /** The workspace posting limit assumed here: Slack's "several hundred per minute". */
  static final int WORKSPACE_POSTS_PER_MINUTE = 600;

  /**
   * @param seconds      from starting the worker to the outbox drained
   * @param floorSeconds messages at the workspace's sustained rate
   * @param requests     {@code chat.postMessage} calls the fake received
   * @param rateLimited  of which answered 429
   */
  record Result(int channels, int messages, double seconds, double floorSeconds, long requests, long rateLimited,
      int parallelism) {
    double ofCeiling() {
      return floorSeconds / seconds;
    }

    double rateLimitedShare() {
      return requests == 0 ? 0 : (double) rateLimited / requests;
    }
  }

  private static final LocalDate DAY = LocalDate.parse("2024-06-07");
  private static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");

  private SlackFanOutBenchmark() {}

  /** The bench's row: the one hook {@link Bench} calls. */
  static void row(BenchReport report, Path work, int channels, PrintStream log) throws Exception {
    log.println("slack fan-out: one day to " + channels + " Slack channels through Bolt under the fake's limits");
    Result r = run(work.resolve("slack-fan-out.db"), channels);
    boolean met = r.ofCeiling() >= 0.95 && r.rateLimitedShare() <= 0.01;
    report.add(new BenchReport.Row("slack fan-out: one day to " + r.channels() + " Slack channels through Bolt"
        + " (worker parallelism " + r.parallelism() + ")",
        String.format(Locale.ROOT, "%.1f s (%d messages, %d of %d answers were 429)", r.seconds(), r.messages(),
            r.rateLimited(), r.requests()),
        String.format(Locale.ROOT, "%.1f s (floor: %d posts/min per workspace, 1/s per channel)", r.floorSeconds(),
            WORKSPACE_POSTS_PER_MINUTE),
        String.format(Locale.ROOT, "%.1f %% of ceiling, %.2f %% 429s", 100 * r.ofCeiling(),
            100 * r.rateLimitedShare()),
        "≥ 95 % of ceiling, ≤ 1 % 429s", met,
        BenchReport.Measured.of(r.seconds(), "s").withBaseline(r.floorSeconds()).withRatio(r.ofCeiling())
            .with("channels", r.channels()).with("messages", r.messages()).with("requests", r.requests())
            .with("rate_limited", r.rateLimited()).with("parallelism", r.parallelism())));
  }

  static Result run(Path file, int channels) throws Exception {
    DeliveryConfig config = PaperboyConfig.defaults().delivery();
    Level workerLevel = quiet("io.paperboy.bot.delivery");
    Level plannerLevel = quiet("io.paperboy.scheduler.plan");
    try (FakeSlack fake = FakeSlack.start(); SqliteStores stores = SqliteStores.open(file)) {
      fake.limits(SlackLimits.slack().withWorkspacePosting(WORKSPACE_POSTS_PER_MINUTE));
      PaperStore papers = stores.papers();
      // a short day: one Slack message per channel
      papers.save(digest(3));
      for (int i = 0; i < channels; i++) {
        fake.channel("C" + i, FakeSlack.Membership.MEMBER);
        stores.subscriptions().save(Subscription.of(ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C" + i),
            LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, SLOT.minus(Duration.ofDays(30))),
            SLOT.minus(Duration.ofDays(30)));
      }
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT));
      SlackPacer pacer = new SlackPacer(Map.of(SlackPacer.WORKSPACE_POSTING,
          Duration.ofNanos(60_000_000_000L / WORKSPACE_POSTS_PER_MINUTE)));
      SlackGateway gateway = SlackGateway.create(SlackClients.create(fake.apiUrl()),
          BotTokens.single(FakeSlack.BOT_TOKEN), pacer);
      DailyPosts posts = new DailyPosts(papers, new DailyPostFormatter());
      DeliveryWorker worker = new DeliveryWorker(stores.outbox(), Map.of(Delivery.Kind.DIGEST, posts,
          Delivery.Kind.NO_DIGEST, posts), Map.of(Platform.SLACK, gateway),
          new RetryPolicy(config.retryBaseDelay(), config.retryMaxDelay(), config.maxAttempts()), config.catchUp(),
          config.poll(), config.parallelism(), clock);
      DeliveryReports reports = stores.reports();
      DeliveryPlanner planner = new DeliveryPlanner(stores.subscriptions(), stores.outbox(), reports,
          DigestDays.of(papers), new PlanRules(config.catchUp()), EnumSet.of(Platform.SLACK), clock, worker::wake);
      int planned = planner.planOnce().due().size();
      if (planned != channels) {
        throw new IllegalStateException("planned " + planned + " posts for " + channels + " channels");
      }
      long start = System.nanoTime();
      worker.start();
      try {
        awaitDrained(reports, Duration.ofMinutes(20));
      } finally {
        worker.stop(Duration.ofSeconds(10));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int messages = fake.allMessages().size();
      int sent = reports.counts().get(Delivery.Status.SENT);
      if (sent != channels || messages != channels) {
        throw new IllegalStateException("slack fan-out ended with " + messages + " messages and " + sent
            + " rows sent for " + channels + " channels: " + reports.counts());
      }
      CallCounts counts = fake.counts("chat.postMessage");
      return new Result(channels, messages, seconds, messages * 60.0 / WORKSPACE_POSTS_PER_MINUTE, counts.calls(),
          counts.rateLimited(), config.parallelism());
    } finally {
      logger("io.paperboy.bot.delivery").setLevel(workerLevel);
      logger("io.paperboy.scheduler.plan").setLevel(plannerLevel);
    }
  }

  private static Digest digest(int n) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= n; rank++) {
      String id = String.format("2406.%05d", 800 + rank);
      entries.add(new DigestEntry(DAY, rank, id, "Paper " + rank + " of " + DAY, "https://arxiv.org/abs/" + id,
          Optional.of(10 * (n - rank + 1)), List.of("Ada Lovelace", "Alan Turing"), Optional.empty(),
          "- 요약 " + rank + ": a short summary of the paper."));
    }
    return new Digest(DAY, entries, "bench:" + DAY);
  }

  private static void awaitDrained(DeliveryReports outbox, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (true) {
      Map<Delivery.Status, Integer> counts = outbox.counts();
      if (counts.get(Delivery.Status.PENDING) == 0 && counts.get(Delivery.Status.ATTEMPTING) == 0) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the outbox did not drain within " + max + ": " + counts);
      }
      Thread.sleep(20);
    }
  }

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
