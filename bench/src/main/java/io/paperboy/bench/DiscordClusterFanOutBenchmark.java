package io.paperboy.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DailyPosts;
import io.paperboy.bot.delivery.DeliveryEvents;
import io.paperboy.bot.delivery.DeliveryWorker;
import io.paperboy.bot.delivery.RetryPolicy;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.discord.DiscordBot;
import io.paperboy.discord.DiscordPacing;
import io.paperboy.discord.DiscordSettings;
import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.DigestDays;
import io.paperboy.scheduler.plan.PlanRules;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresSettings;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.discord.DiscordLimits;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeDiscordBuilder;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.testkit.discord.RequestCounts;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.LoggerFactory;

/**
 * The Discord part of the cluster rows: one day to many Discord channels by 1, 2 and 3 instances
 * on one PostgreSQL schema, each with its own JDA ShardManager, pool and leased delivery worker,
 * all pacing on the database's {@code SharedRateLimit} — against one fake Discord that counts the
 * bot's global rate across every connection and answers 429 (scope {@code global}) to any request
 * beyond 50/s. The instances share one JVM: what is measured is how they share the limit and the
 * outbox, not process start.
 */
final class DiscordClusterFanOutBenchmark {

  /**
   * @param instances     instances on the schema
   * @param channels      channels posted to (one message each)
   * @param messages      messages the fake accepted
   * @param seconds       from starting the workers to the outbox drained
   * @param floor         the least time the limits allow
   * @param requests      REST requests during the fan-out
   * @param rateLimited   of which answered 429
   * @param globalLimited of which 429 for the global limit: the instances together went over 50/s
   */
  record Result(int instances, int channels, int messages, double seconds, double floor, long requests,
      long rateLimited, long globalLimited) {
    double ofCeiling() {
      return floor / seconds;
    }

    double rateLimitedShare() {
      return requests == 0 ? 0 : (double) rateLimited / requests;
    }
  }

  private static final LocalDate DAY = LocalDate.parse("2024-06-07");
  private static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");
  private static final String TOKEN = "bench-cluster-token";
  private static final int GUILDS = 4;
  private static final int SHARDS = 2;

  private final PostgresSettings server;
  private final int channels;
  private final PrintStream log;

  DiscordClusterFanOutBenchmark(PostgresSettings server, boolean quick, PrintStream log) {
    this.server = server;
    this.channels = quick ? 100 : 1_000;
    this.log = log;
  }

  /** Adds the 1-, 2- and 3-instance rows; more instances must not be slower than one. */
  void addRows(BenchReport report) throws Exception {
    run(Math.max(10, channels / 2), 1); // warms JDA, the worker and the pools
    Result one = run(channels, 1);
    Result two = run(channels, 2);
    Result three = run(channels, 3);
    for (Result r : List.of(one, two, three)) {
      log.printf(Locale.ROOT, "discord cluster fan-out, %d instance(s): %.1f s, %d requests, %d 429 (%d global)%n",
          r.instances(), r.seconds(), r.requests(), r.rateLimited(), r.globalLimited());
      boolean met = r.ofCeiling() >= 0.9 && r.rateLimitedShare() <= 0.01 && r.messages() == r.channels()
          && (r == one || r.seconds() <= one.seconds() * 1.05);
      report.add(new BenchReport.Row("cluster fan-out through JDA: " + r.channels() + " Discord channels, "
          + r.instances() + " instance(s) on one PostgreSQL schema sharing the global limit",
          String.format(Locale.ROOT, "%.1f s (%d messages; %d of %d requests 429 = %.2f %%, %d of them global)",
              r.seconds(), r.messages(), r.rateLimited(), r.requests(), 100 * r.rateLimitedShare(), r.globalLimited()),
          String.format(Locale.ROOT, "%.1f s (floor: 50 requests/s for the bot, all instances together)", r.floor()),
          String.format(Locale.ROOT, "%.1f %% of ceiling", 100 * r.ofCeiling()),
          "≤ 1 % 429s, more instances not slower than 1 (5 % noise)", met,
          BenchReport.Measured.of(r.seconds(), "s").withBaseline(r.floor()).withRatio(r.ofCeiling())
              .with("instances", r.instances()).with("channels", r.channels()).with("messages", r.messages())
              .with("requests", r.requests()).with("rate_limited", r.rateLimited())
              .with("global_rate_limited", r.globalLimited())));
    }
  }

  Result run(int channelCount, int instances) throws Exception {
    PostgresSettings schema = server.withSchema("pb_bench_dcluster_"
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36));
    Logger quiet = (Logger) LoggerFactory.getLogger("io.paperboy");
    Logger jda = (Logger) LoggerFactory.getLogger("net.dv8tion");
    Level before = quiet.getLevel();
    Level jdaBefore = jda.getLevel();
    quiet.setLevel(Level.ERROR);
    jda.setLevel(Level.ERROR);
    DeliveryConfig config = PaperboyConfig.defaults().delivery();
    List<ChannelRef> refs = new ArrayList<>();
    FakeDiscordBuilder world = FakeDiscord.builder(DiscordBot.invitePermissions())
        .recommendedShards(SHARDS).maxConcurrency(SHARDS).limits(DiscordLimits.discord());
    long channelId = 1_391_000_000_000_000_000L;
    for (int g = 0; g < GUILDS; g++) {
      String guild = FakeDiscord.guildIdOnShard(g % SHARDS, SHARDS, 200 + g);
      List<String> ids = new ArrayList<>();
      for (int c = g; c < channelCount; c += GUILDS) {
        String id = Long.toString(channelId++);
        ids.add(id);
        refs.add(ChannelRef.of(Platform.DISCORD, guild, id));
      }
      world.guild(FakeGuild.withTextChannels(guild, "cluster-" + g, ids, DiscordBot.invitePermissions()));
    }
    List<AutoCloseable> open = new ArrayList<>();
    List<DeliveryWorker> workers = new ArrayList<>();
    try (FakeDiscord fake = world.start()) {
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT));
      List<PostgresStores> stores = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        PostgresStores s = PostgresStores.open(schema);
        open.add(s);
        stores.add(s);
        CommandService commands = new CommandService(new CommandRegistry(List.of()));
        open.add(commands);
        DiscordBot bot = DiscordBot.start(new DiscordSettings(TOKEN, fake.apiUrl(), DiscordSettings.DEFAULT_GATEWAY_URL),
            commands, Clock.systemUTC(), Duration.ofMinutes(1), DiscordPacing.of(s.rateLimits()));
        open.add(bot);
        DailyPosts posts = new DailyPosts(s.papers(), new DailyPostFormatter());
        workers.add(new DeliveryWorker(s.outbox(), Map.of(Delivery.Kind.DIGEST, posts, Delivery.Kind.NO_DIGEST, posts),
            Map.of(Platform.DISCORD, bot.gateway()), new RetryPolicy(config.retryBaseDelay(), config.retryMaxDelay(),
            config.maxAttempts()), config.catchUp(), Duration.ofMillis(500), config.parallelism(), clock,
            config.maxMessages(), DeliveryEvents.NONE, DeliveryWorker.Sharing.shared("bench-" + i, Duration.ofMinutes(5))));
      }
      PostgresStores first = stores.get(0);
      first.papers().save(digest());
      for (ChannelRef ref : refs) {
        first.subscriptions().save(Subscription.of(ref, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY,
            SLOT.minus(Duration.ofDays(30))), SLOT.minus(Duration.ofDays(30)));
      }
      int planned = new DeliveryPlanner(first.subscriptions(), first.outbox(), first.reports(),
          DigestDays.of(first.papers()), new PlanRules(config.catchUp()), EnumSet.of(Platform.DISCORD), clock, () -> { })
          .planOnce().due().size();
      if (planned != channelCount) {
        throw new IllegalStateException("planned " + planned + " posts for " + channelCount + " channels");
      }
      RequestCounts countsBefore = fake.requestCounts(TOKEN);
      long start = System.nanoTime();
      workers.forEach(DeliveryWorker::start);
      awaitDrained(first, Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - start) / 1e9;
      workers.forEach(w -> w.stop(Duration.ofSeconds(10)));
      RequestCounts after = fake.requestCounts(TOKEN);
      int messages = (int) fake.calls().stream()
          .filter(c -> c.is("POST", "/channels/\\d+/messages") && c.status() == 200).count();
      double floor = Math.max((messages + 49) / 50 - 1, 0);
      return new Result(instances, channelCount, messages, seconds, floor, after.requests() - countsBefore.requests(),
          after.rateLimited() - countsBefore.rateLimited(), after.globalRateLimited() - countsBefore.globalRateLimited());
    } finally {
      workers.forEach(w -> w.stop(Duration.ofSeconds(10)));
      for (int i = open.size() - 1; i >= 0; i--) {
        open.get(i).close();
      }
      quiet.setLevel(before);
      jda.setLevel(jdaBefore);
      dropSchema(schema.schema().orElseThrow());
    }
  }

  private static void awaitDrained(PostgresStores stores, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (true) {
      Map<Delivery.Status, Integer> counts = stores.reports().counts();
      if (counts.get(Delivery.Status.PENDING) == 0 && counts.get(Delivery.Status.ATTEMPTING) == 0) {
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
    for (int rank = 1; rank <= 3; rank++) {
      String id = String.format("2406.%05d", 900 + rank);
      entries.add(new DigestEntry(DAY, rank, id, "Paper " + rank + " of " + DAY, "https://arxiv.org/abs/" + id,
          Optional.of(10 * (4 - rank)), List.of("Ada Lovelace"), Optional.empty(), "- 요약 " + rank + ": a summary."));
    }
    return new Digest(DAY, entries, "bench:" + DAY);
  }

  private void dropSchema(String name) throws Exception {
    Properties p = new Properties();
    server.user().ifPresent(u -> p.setProperty("user", u));
    server.password().ifPresent(pw -> p.setProperty("password", pw));
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), p); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
