package io.paperboy.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.ConfigLoader;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.slack.BotTokens;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackPacer;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresSettings;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.slack.CallCounts;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.RecordedCall;
import io.paperboy.testkit.slack.SlackLimits;
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
 * The Slack cluster row of {@code paperboy bench --db postgresql://…}: one day to 1,000 Slack
 * channels of one workspace by 3 instances sharing one PostgreSQL schema (each the real
 * composition root: clustered Quartz planner, leased outbox worker), posting through Bolt's
 * {@code MethodsClient} against the fake Slack with its limits on. Each instance paces on the
 * database's {@code SharedRateLimit} through its own connection pool, as a running instance does,
 * so the limits hold for the three together: 1 post per second per channel, and the workspace's
 * posting limit ({@link SlackFanOutBenchmark#WORKSPACE_POSTS_PER_MINUTE}, Slack's "several hundred
 * per minute"), which decides. Each day's post is two Slack messages, so the per-channel limit is
 * exercised too: the row reports the closest two accepted posts of one channel at the fake.
 */
final class SlackClusterFanOutBenchmark {

  /**
   * @param messages      messages the fake holds at the end
   * @param seconds       from starting the instances' delivery to the outbox drained
   * @param floor         the least time the limits allow
   * @param requests      {@code chat.postMessage} calls the fake received
   * @param rateLimited   of which it answered 429
   * @param closestInChannel the shortest gap between two accepted posts to one channel
   * @param uneven        channels that do not hold exactly the day's two messages (doubled or missing)
   */
  record Result(int instances, int channels, int messages, double seconds, double floor, long requests,
      long rateLimited, Duration closestInChannel, int uneven) {
    double ofCeiling() {
      return floor / seconds;
    }

    double rateLimitedShare() {
      return requests == 0 ? 0 : (double) rateLimited / requests;
    }
  }

  private static final LocalDate DAY = LocalDate.parse("2024-06-07");
  private static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");
  /** Papers in the day: enough for Slack's 50-block limit to split the post in two. */
  private static final int PAPERS = 24;

  private final PostgresSettings server;
  private final int channels;
  private final PrintStream log;

  SlackClusterFanOutBenchmark(PostgresSettings server, int channels, PrintStream log) {
    this.server = server;
    this.channels = channels;
    this.log = log;
  }

  /** Runs the row alone: {@code java -cp paperboy-bench.jar io.paperboy.bench.SlackClusterFanOutBenchmark URL [channels] [instances]}. */
  public static void main(String[] args) throws Exception {
    PostgresSettings server = PostgresSettings.parse(args.length > 0 ? args[0] : "postgresql://postgres@127.0.0.1:5432/test");
    int channels = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    BenchReport report = new BenchReport();
    new SlackClusterFanOutBenchmark(server, channels, System.err).addRow(report, instances);
    report.print(System.out, BenchReport.Run.here(0, false).header());
    System.out.flush();
    // as BenchMain does: a closed Quartz node's last threads must not keep the JVM up
    System.exit(0);
  }

  /** Adds the row for {@code instances} instances to {@code report}. */
  void addRow(BenchReport report, int instances) throws Exception {
    log.println("slack cluster fan-out: one day to " + channels + " Slack channels, " + instances
        + " instance(s) on one schema");
    Result r = run(instances);
    boolean met = r.ofCeiling() >= 0.95 && r.rateLimitedShare() <= 0.01 && r.uneven() == 0;
    report.add(new BenchReport.Row("slack cluster fan-out: " + r.channels() + " Slack channels through Bolt, "
        + r.instances() + " instance(s) on one PostgreSQL schema",
        String.format(Locale.ROOT, "%.1f s (%d messages, %d of %d answers were 429; closest two posts in a channel %.3f s)",
            r.seconds(), r.messages(), r.rateLimited(), r.requests(), r.closestInChannel().toNanos() / 1e9),
        String.format(Locale.ROOT, "%.1f s (floor: %d posts/min per workspace, 1/s per channel, all instances together)",
            r.floor(), SlackFanOutBenchmark.WORKSPACE_POSTS_PER_MINUTE),
        String.format(Locale.ROOT, "%.1f %% of ceiling, %.2f %% 429s", 100 * r.ofCeiling(), 100 * r.rateLimitedShare()),
        "≥ 95 % of ceiling, ≤ 1 % 429s, every message once", met,
        BenchReport.Measured.of(r.seconds(), "s").withBaseline(r.floor()).withRatio(r.ofCeiling())
            .with("instances", r.instances()).with("channels", r.channels()).with("messages", r.messages())
            .with("requests", r.requests()).with("rate_limited", r.rateLimited())
            .with("closest_in_channel_ms", r.closestInChannel().toMillis()).with("uneven_channels", r.uneven())));
  }

  Result run(int instances) throws Exception {
    PostgresSettings schema = server.withSchema("pb_bench_slack_cluster_"
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36));
    Logger quiet = (Logger) LoggerFactory.getLogger("io.paperboy");
    Level before = quiet.getLevel();
    quiet.setLevel(Level.ERROR); // every planned row is logged; the row says how many
    try (FakeSlack fake = FakeSlack.start()) {
      fake.limits(SlackLimits.slack().withWorkspacePosting(SlackFanOutBenchmark.WORKSPACE_POSTS_PER_MINUTE));
      try (PostgresStores stores = PostgresStores.open(schema)) {
        stores.papers().save(digest());
        Instant since = SLOT.minus(Duration.ofDays(30));
        for (int i = 0; i < channels; i++) {
          fake.channel("C" + i, FakeSlack.Membership.MEMBER);
          stores.subscriptions().save(Subscription.of(ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C" + i),
              LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, since), since);
        }
      }
      Map<String, String> env = new HashMap<>();
      env.put("PAPERBOY_DATABASE", schema.urlWithoutPassword());
      schema.password().ifPresent(p -> env.put(PostgresSettings.PASSWORD_ENV, p));
      env.put("PAPERBOY_DELIVERY_POLL_INTERVAL", "500ms");
      env.put("PAPERBOY_DELIVERY_SUBSCRIBE_CONSOLE", "false");
      PaperboyConfig config = new ConfigLoader().load(Optional.empty(), env);
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT.plusSeconds(1)));
      List<Paperboy> apps = new ArrayList<>();
      List<PostgresStores> paceStores = new ArrayList<>();
      List<DeliveryRuntime> runtimes = new ArrayList<>();
      try {
        List<SlackGateway> gateways = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          apps.add(Paperboy.open(config, clock, env));
          // the instance's pacer on the database, through a pool of its own as a running instance has
          PostgresStores own = PostgresStores.open(schema);
          paceStores.add(own);
          SlackPacer pacer = new SlackPacer(own.rateLimits(), Map.of(SlackPacer.WORKSPACE_POSTING,
              Duration.ofNanos(60_000_000_000L / SlackFanOutBenchmark.WORKSPACE_POSTS_PER_MINUTE)), Clock.systemUTC());
          gateways.add(SlackGateway.create(SlackClients.create(fake.apiUrl()), BotTokens.single(FakeSlack.BOT_TOKEN),
              pacer));
        }
        long start = System.nanoTime();
        for (int i = 0; i < instances; i++) {
          runtimes.add(apps.get(i).startDelivery(Map.of(Platform.SLACK, gateways.get(i))));
        }
        awaitDrained(apps.get(0), Duration.ofMinutes(20));
        double seconds = (System.nanoTime() - start) / 1e9;
        int messages = fake.allMessages().size();
        CallCounts counts = fake.counts("chat.postMessage");
        double floor = messages * 60.0 / SlackFanOutBenchmark.WORKSPACE_POSTS_PER_MINUTE;
        int uneven = 0;
        for (int i = 0; i < channels; i++) {
          uneven += fake.messages("C" + i).size() == 2 ? 0 : 1;
        }
        return new Result(instances, channels, messages, seconds, floor, counts.calls(), counts.rateLimited(),
            closestInChannel(fake.calls("chat.postMessage")), uneven);
      } finally {
        runtimes.forEach(DeliveryRuntime::close);
        apps.forEach(Paperboy::close);
        paceStores.forEach(PostgresStores::close);
      }
    } finally {
      quiet.setLevel(before);
      try (Connection c = connect(server); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema.schema().orElseThrow() + " CASCADE");
      }
    }
  }

  /** The shortest time between two accepted posts to the same channel, as they arrived at the fake. */
  static Duration closestInChannel(List<RecordedCall> calls) {
    Map<String, Long> last = new HashMap<>();
    long closest = Long.MAX_VALUE;
    List<RecordedCall> ordered = new ArrayList<>(calls);
    ordered.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
    for (RecordedCall call : ordered) {
      if (!call.ok()) {
        continue;
      }
      Long previous = last.put(call.params().get("channel"), call.atNanos());
      if (previous != null) {
        closest = Math.min(closest, call.atNanos() - previous);
      }
    }
    return closest == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(closest);
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

  private static Digest digest() {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= PAPERS; rank++) {
      String id = String.format("2406.%05d", 800 + rank);
      entries.add(new DigestEntry(DAY, rank, id, "Paper " + rank + " of " + DAY, "https://arxiv.org/abs/" + id,
          Optional.of(10 * (PAPERS - rank + 1)), List.of("Ada Lovelace", "Alan Turing"), Optional.empty(),
          "- 요약 " + rank + ": a short summary of the paper."));
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
