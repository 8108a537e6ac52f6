package io.paperboy.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DailyPosts;
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
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.discord.DiscordLimits;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeDiscordBuilder;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.testkit.discord.RequestCounts;
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
 * One day's post to many Discord channels on the real path: the planner and outbox on SQLite, the
 * {@link DeliveryWorker} with production delivery settings, and the production Discord gateway —
 * JDA's ShardManager (two shards), paced before sending by {@link DiscordPacing} on the
 * database's shared limit — against the fake Discord enforcing Discord's limits (global 50/s,
 * 5 per 5 s per channel, real headers). Reports the time beside the floor those limits allow and
 * how many answers were 429.
 */
final class DiscordFanOutBenchmark {

  /**
   * @param channels     channels subscribed
   * @param messages     messages posted (accepted by the fake)
   * @param seconds      from starting the worker to the outbox drained
   * @param floorSeconds the least time Discord's limits allow for these messages
   * @param requests     REST requests during the fan-out
   * @param rateLimited  of which answered 429
   * @param parallelism  the worker's parallelism
   * @param losses       where the time beyond the floor went
   */
  record Result(int channels, int messages, double seconds, double floorSeconds, long requests, long rateLimited,
      int parallelism, Losses losses) {

    double ofCeiling() {
      return floorSeconds / seconds;
    }

    double rateLimitedShare() {
      return requests == 0 ? 0 : (double) rateLimited / requests;
    }
  }

  /**
   * The time beyond the floor, split by where it went, read from when the fake received each
   * message (the floor is one second per window of 50 after the first window's burst).
   *
   * @param first   from starting the worker to the first message's arrival (claim, compose, render, first slot)
   * @param windows the windows' starts beyond one second apart: the pacing's margin plus any window begun late
   *                (a stall: the process not scheduled, or no row ready when its slot came)
   * @param spread  from the last window's first message to the last message (the burst is not instant)
   * @param tail    from the last message's arrival to the outbox seen drained (answer, mark sent, the wait's poll)
   */
  record Losses(double first, double windows, double spread, double tail) {

    static Losses of(long startNanos, long endNanos, long[] arrivals) {
      if (arrivals.length == 0) {
        return new Losses(0, 0, 0, (endNanos - startNanos) / 1e9);
      }
      long[] at = arrivals.clone();
      java.util.Arrays.sort(at);
      double windows = 0;
      int lastStart = 0;
      for (int k = 50; k < at.length; k += 50) {
        windows += (at[k] - at[k - 50]) / 1e9 - 1.0;
        lastStart = k;
      }
      return new Losses((at[0] - startNanos) / 1e9, windows, (at[at.length - 1] - at[lastStart]) / 1e9,
          (endNanos - at[at.length - 1]) / 1e9);
    }

    String text() {
      return String.format(Locale.ROOT, "first message %.2f s, windows late %.2f s, last burst %.2f s, tail %.2f s",
          first, windows, spread, tail);
    }
  }

  private static final LocalDate DAY = LocalDate.parse("2024-06-07");
  private static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");
  private static final String TOKEN = "bench-token";
  private static final int GUILDS = 4;
  private static final int SHARDS = 2;
  /** Papers in the day: few enough that Discord gets one message per channel. */
  private static final int PAPERS = 3;

  private DiscordFanOutBenchmark() {}

  /** The one-line hook for {@code Bench}: runs the fan-out and adds its row. */
  static void row(BenchReport report, PrintStream log, Path work, int channels) throws Exception {
    log.println("fan-out: one day to " + channels + " Discord channels through JDA against Discord's rate limits");
    // a first, smaller day warms the JIT for JDA, the worker and SQLite (a cold first run took ~25 % longer; after
    // a tenth-size warm-up the first full run was still 3-30 % slower than the next on the loaded machine)
    run(work.resolve("discord-fan-out-warm-up.db"), Math.max(10, channels / 2));
    Result r = run(work.resolve("discord-fan-out.db"), channels);
    log.printf(Locale.ROOT, "fan-out: %.1f s, floor %.1f s, %d requests, %d answered 429; beyond the floor: %s%n",
        r.seconds(), r.floorSeconds(), r.requests(), r.rateLimited(), r.losses().text());
    boolean met = r.ofCeiling() >= 0.95 && r.rateLimitedShare() <= 0.01;
    report.add(new BenchReport.Row("fan-out: one day to " + r.channels() + " Discord channels through JDA ("
        + SHARDS + " shards, paced on the database's global limit, worker parallelism " + r.parallelism() + ")",
        String.format(Locale.ROOT, "%.1f s (%d messages; %d of %d requests answered 429 = %.2f %%)", r.seconds(),
            r.messages(), r.rateLimited(), r.requests(), 100 * r.rateLimitedShare()),
        String.format(Locale.ROOT, "%.1f s (floor: 50 requests/s global, 5 per 5 s per channel)", r.floorSeconds()),
        String.format(Locale.ROOT, "%.1f %% of ceiling", 100 * r.ofCeiling()),
        "≥ 95 % of ceiling, ≤ 1 % 429s", met,
        BenchReport.Measured.of(r.seconds(), "s").withBaseline(r.floorSeconds()).withRatio(r.ofCeiling())
            .with("channels", r.channels()).with("messages", r.messages()).with("requests", r.requests())
            .with("rate_limited", r.rateLimited()).with("parallelism", r.parallelism())
            .with("lost_first_s", r.losses().first()).with("lost_windows_s", r.losses().windows())
            .with("lost_spread_s", r.losses().spread()).with("lost_tail_s", r.losses().tail())));
  }

  static Result run(Path file, int channels) throws Exception {
    DeliveryConfig config = PaperboyConfig.defaults().delivery();
    Level workerLevel = quiet("io.paperboy.bot.delivery");
    Level plannerLevel = quiet("io.paperboy.scheduler.plan");
    Level jdaLevel = quiet("net.dv8tion");
    List<ChannelRef> refs = new ArrayList<>();
    FakeDiscordBuilder world = FakeDiscord.builder(DiscordBot.invitePermissions())
        .recommendedShards(SHARDS).maxConcurrency(SHARDS).limits(DiscordLimits.discord());
    long channelId = 1_390_000_000_000_000_000L;
    for (int g = 0; g < GUILDS; g++) {
      String guild = FakeDiscord.guildIdOnShard(g % SHARDS, SHARDS, 100 + g);
      List<String> ids = new ArrayList<>();
      for (int c = g; c < channels; c += GUILDS) {
        String id = Long.toString(channelId++);
        ids.add(id);
        refs.add(ChannelRef.of(Platform.DISCORD, guild, id));
      }
      world.guild(FakeGuild.withTextChannels(guild, "bench-" + g, ids, DiscordBot.invitePermissions()));
    }
    try (FakeDiscord fake = world.start(); SqliteStores stores = SqliteStores.open(file);
         CommandService commands = new CommandService(new CommandRegistry(List.of()));
         DiscordBot bot = DiscordBot.start(new DiscordSettings(TOKEN, fake.apiUrl(), DiscordSettings.DEFAULT_GATEWAY_URL),
             commands, Clock.systemUTC(), Duration.ofMinutes(1), DiscordPacing.of(stores.rateLimits()))) {
      stores.papers().save(digest(PAPERS));
      for (ChannelRef ref : refs) {
        stores.subscriptions().save(Subscription.of(ref, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY,
            SLOT.minus(Duration.ofDays(30))), SLOT.minus(Duration.ofDays(30)));
      }
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT));
      DailyPosts posts = new DailyPosts(stores.papers(), new DailyPostFormatter());
      DeliveryWorker worker = new DeliveryWorker(stores.outbox(), Map.of(Delivery.Kind.DIGEST, posts,
          Delivery.Kind.NO_DIGEST, posts), Map.of(Platform.DISCORD, bot.gateway()),
          new RetryPolicy(config.retryBaseDelay(), config.retryMaxDelay(), config.maxAttempts()), config.catchUp(),
          config.poll(), config.parallelism(), clock);
      DeliveryPlanner planner = new DeliveryPlanner(stores.subscriptions(), stores.outbox(), stores.reports(),
          DigestDays.of(stores.papers()), new PlanRules(config.catchUp()), EnumSet.of(Platform.DISCORD), clock,
          worker::wake);
      int planned = planner.planOnce().due().size();
      if (planned != channels) {
        throw new IllegalStateException("planned " + planned + " posts for " + channels + " channels");
      }
      RequestCounts before = fake.requestCounts(TOKEN);
      long start = System.nanoTime();
      worker.start();
      try {
        awaitDrained(stores.reports(), Duration.ofMinutes(10));
      } finally {
        worker.stop(Duration.ofSeconds(10));
      }
      long end = System.nanoTime();
      double seconds = (end - start) / 1e9;
      long[] arrivals = fake.calls().stream().filter(c -> c.is("POST", "/channels/\\d+/messages") && c.status() == 200)
          .mapToLong(c -> c.at()).toArray();
      RequestCounts after = fake.requestCounts(TOKEN);
      int messages = (int) fake.calls().stream()
          .filter(c -> c.is("POST", "/channels/\\d+/messages") && c.status() == 200).count();
      int sent = stores.reports().counts().get(Delivery.Status.SENT);
      if (sent != channels || messages < channels) {
        throw new IllegalStateException("fan-out ended with " + messages + " messages and " + sent + " rows sent for "
            + channels + " channels: " + stores.reports().counts());
      }
      int perChannel = (messages + channels - 1) / channels;
      // 50 per second globally and 5 per 5 s per channel: each window's worth at once, the next a window later
      double floor = Math.max((messages + 49) / 50 - 1, ((perChannel + 4) / 5 - 1) * 5.0);
      return new Result(channels, messages, seconds, floor, after.requests() - before.requests(),
          after.rateLimited() - before.rateLimited(), config.parallelism(), Losses.of(start, end, arrivals));
    } finally {
      logger("io.paperboy.bot.delivery").setLevel(workerLevel);
      logger("io.paperboy.scheduler.plan").setLevel(plannerLevel);
      logger("net.dv8tion").setLevel(jdaLevel);
    }
  }

  private static Digest digest(int n) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= n; rank++) {
      String id = String.format("2406.%05d", 700 + rank);
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
