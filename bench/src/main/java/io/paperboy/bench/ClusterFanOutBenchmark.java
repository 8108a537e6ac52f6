package io.paperboy.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.ConfigLoader;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresSettings;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.testkit.platform.RateLimits;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.LoggerFactory;

/**
 * The cluster fan-out rows of {@code paperboy bench --db postgresql://…}: one day to 1,000
 * Discord channels by 1, 2 and 3 instances sharing one PostgreSQL schema (the real composition
 * root each: clustered Quartz planner, leased outbox worker), against the loopback platform that
 * enforces Discord's limits for the bot as a whole. The ceiling is the platform's, so more
 * instances must not be slower and must not push it into 429s; the baseline is the floor those
 * limits allow. The instances share one JVM here (each with its own pool, scheduler and worker):
 * what is measured is how they share the outbox, not process start.
 */
final class ClusterFanOutBenchmark {

  /**
   * @param instances   instances sharing the schema
   * @param channels    channels posted to (one message each)
   * @param messages    messages the fake holds at the end
   * @param seconds     from starting the instances' delivery to the outbox drained
   * @param floor       the least time the limits allow
   * @param rateLimited 429 answers the fake gave
   * @param schema      the schema the run used (dropped at its end)
   */
  record Result(int instances, int channels, int messages, double seconds, double floor, int rateLimited,
      String schema) {
    double ofCeiling() {
      return floor / seconds;
    }
  }

  private static final LocalDate DAY = LocalDate.parse("2024-06-07");
  private static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");

  private final PostgresSettings server;
  private final int channels;
  private final PrintStream log;

  ClusterFanOutBenchmark(PostgresSettings server, boolean quick, PrintStream log) {
    this.server = server;
    this.channels = quick ? 100 : 1_000;
    this.log = log;
  }

  /** Adds one row per instance count (1, 2, 3) to {@code report}. */
  void addRows(BenchReport report) throws Exception {
    for (int n = 1; n <= 3; n++) {
      log.println("cluster fan-out: one day to " + channels + " channels, " + n + " instance(s) on one schema");
      Result r = run(n);
      report.add(new BenchReport.Row("cluster fan-out: " + r.channels() + " Discord channels, " + r.instances()
          + " instance(s) on one PostgreSQL schema", String.format(Locale.ROOT, "%.1f s (%d messages, %d answers were 429)",
          r.seconds(), r.messages(), r.rateLimited()), String.format(Locale.ROOT,
          "%.1f s (floor: 50 requests/s for the bot, all instances together)", r.floor()),
          String.format(Locale.ROOT, "%.1f %% of ceiling", 100 * r.ofCeiling()), "≥ 90 % of ceiling, no duplicates",
          r.ofCeiling() >= 0.9 && r.messages() == r.channels(),
          BenchReport.Measured.of(r.seconds(), "s").withBaseline(r.floor()).withRatio(r.ofCeiling())
              .with("instances", r.instances()).with("channels", r.channels()).with("messages", r.messages())
              .with("rate_limited", r.rateLimited())));
    }
    // the same day through the real Discord client: JDA per instance, pacing on the database's shared limit
    new DiscordClusterFanOutBenchmark(server, channels < 1_000, log).addRows(report);
  }

  Result run(int instances) throws Exception {
    PostgresSettings schema = server.withSchema("pb_bench_cluster_"
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36));
    Logger delivery = (Logger) LoggerFactory.getLogger("io.paperboy");
    Level before = delivery.getLevel();
    delivery.setLevel(Level.ERROR); // every 429 and planned row is logged; the row says how many
    try (FakePlatform fake = new FakePlatform()) {
      RateLimits limits = RateLimits.discord();
      fake.enforce(limits);
      try (PostgresStores stores = PostgresStores.open(schema)) {
        stores.papers().save(digest(HttpTestGateway.CARDS_PER_PART));
        Instant since = SLOT.minus(Duration.ofDays(30));
        for (int i = 0; i < channels; i++) {
          stores.subscriptions().save(Subscription.of(ChannelRef.of(Platform.DISCORD, "G1", "C" + i), LocalTime.of(9, 0),
              ZoneId.of("Asia/Seoul"), DaySet.DAILY, since), since);
        }
      }
      Map<String, String> env = new HashMap<>();
      env.put("PAPERBOY_DATABASE", schema.urlWithoutPassword());
      schema.password().ifPresent(p -> env.put(PostgresSettings.PASSWORD_ENV, p));
      // a worker not woken by its own planner looks every half second (the default is 5 s)
      env.put("PAPERBOY_DELIVERY_POLL_INTERVAL", "500ms");
      env.put("PAPERBOY_DELIVERY_SUBSCRIBE_CONSOLE", "false");
      PaperboyConfig config = new ConfigLoader().load(Optional.empty(), env);
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT.plusSeconds(1)));
      List<Paperboy> apps = new ArrayList<>();
      List<DeliveryRuntime> runtimes = new ArrayList<>();
      try {
        for (int i = 0; i < instances; i++) {
          apps.add(Paperboy.open(config, clock, env));
        }
        long start = System.nanoTime();
        for (Paperboy app : apps) {
          runtimes.add(app.startDelivery(Map.of(Platform.DISCORD, new HttpTestGateway(Platform.DISCORD, fake.baseUrl()))));
        }
        awaitDrained(apps.get(0), Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        int messages = fake.allPosts().values().stream().mapToInt(List::size).sum();
        return new Result(instances, channels, messages, seconds, limits.floorSeconds(messages, channels),
            fake.rateLimitedAnswers(), schema.schema().orElseThrow());
      } finally {
        runtimes.forEach(DeliveryRuntime::close);
        apps.forEach(Paperboy::close);
      }
    } finally {
      delivery.setLevel(before);
      try (Connection c = connect(server); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema.schema().orElseThrow() + " CASCADE");
      }
    }
  }

  private void awaitDrained(Paperboy app, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (true) {
      Map<Delivery.Status, Integer> counts = app.subscriptionAdmin().reports().counts();
      if (counts.get(Delivery.Status.SENT) + counts.get(Delivery.Status.FAILED) + counts.get(Delivery.Status.SKIPPED)
          >= channels && counts.get(Delivery.Status.PENDING) == 0 && counts.get(Delivery.Status.ATTEMPTING) == 0) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the outbox did not drain within " + max + ": " + counts);
      }
      Thread.sleep(20);
    }
  }

  private static Digest digest(int n) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= n; rank++) {
      String id = String.format("2406.%05d", 800 + rank);
      entries.add(new DigestEntry(DAY, rank, id, "Paper " + rank, "https://arxiv.org/abs/" + id,
          Optional.of(10 * (n - rank + 1)), List.of("Ada Lovelace"), Optional.empty(), "- 요약 " + rank + ": a summary."));
    }
    return new Digest(DAY, entries, "bench:" + DAY);
  }

  private static Connection connect(PostgresSettings settings) throws SQLException {
    Properties p = new Properties();
    settings.user().ifPresent(u -> p.setProperty("user", u));
    settings.password().ifPresent(pw -> p.setProperty("password", pw));
    return DriverManager.getConnection(settings.jdbcUrl(), p);
  }
}
