package io.paperboy.bench;

import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.message.Message;
import io.paperboy.slack.BotTokens;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackPacer;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import io.paperboy.testkit.slack.SlackLimits;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A restart after a crash that left many deliveries with an unknown outcome: {@code channels} × 10
 * rows (ten keys per channel, as a channel's digest and alerts), half of them already in Slack. A
 * fresh {@link SlackGateway} — as after a restart, nothing cached — retries every row with the
 * earlier attempt's start time and the time the restart took it back, on as many lanes as the
 * delivery worker's default parallelism ({@link DeliveryConfig#DEFAULT_PARALLELISM}, one channel
 * per lane at a time), against the fake Slack at Slack's real limits: {@code conversations.history}
 * tier 3 (50 a minute per workspace) and one post per second per channel. Measured: the time to
 * finish, the history reads (one per channel is the target), duplicates and 429s, against the
 * catch-up window (24 h by default) the day must finish within.
 */
final class SlackRestartBenchmark {

  static final int ROWS_PER_CHANNEL = 10;
  static final int LANES = DeliveryConfig.DEFAULT_PARALLELISM;
  static final Duration CATCH_UP = Duration.ofHours(24);

  record Result(int rows, int channels, double seconds, long historyReads, long rateLimited, int duplicates,
      int missing) {}

  private SlackRestartBenchmark() {}

  static void row(BenchReport report, int channels, PrintStream log) throws Exception {
    log.println("slack restart: " + channels * ROWS_PER_CHANNEL + " interrupted rows in " + channels
        + " channels, look-back at tier 3");
    Result r = run(channels);
    boolean met = r.seconds() < CATCH_UP.toSeconds() && r.historyReads() == r.channels() && r.duplicates() == 0
        && r.missing() == 0;
    report.add(new BenchReport.Row("slack restart: " + r.rows() + " interrupted rows (" + r.channels()
        + " channels × " + ROWS_PER_CHANNEL + ", half already posted) retried through SlackGateway",
        String.format(Locale.ROOT, "%.1f s (%d history reads, %d duplicates, %d missing, %d 429s)", r.seconds(),
            r.historyReads(), r.duplicates(), r.missing(), r.rateLimited()),
        "catch-up window " + CATCH_UP.toHours() + " h; history tier 3: 50/min",
        String.format(Locale.ROOT, "%.4f of the window", r.seconds() / CATCH_UP.toSeconds()),
        "within the window, one read per channel, 0 duplicates", met,
        BenchReport.Measured.of(r.seconds(), "s").withBaseline(CATCH_UP.toSeconds())
            .withRatio(r.seconds() / CATCH_UP.toSeconds()).with("rows", r.rows()).with("channels", r.channels())
            .with("history_reads", r.historyReads()).with("duplicates", r.duplicates())
            .with("rate_limited", r.rateLimited())));
  }

  static Result run(int channels) throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      for (int c = 0; c < channels; c++) {
        fake.channel("C" + c, FakeSlack.Membership.MEMBER);
      }
      Instant attemptsBegan = Instant.now();
      // the life that crashed: every second row of each channel had gone out (limits off, quickly)
      SlackGateway dead = new SlackGateway(SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN),
          new io.paperboy.slack.SlackRenderer(), Duration.ofSeconds(30), 3);
      for (int c = 0; c < channels; c++) {
        for (int k = 0; k < ROWS_PER_CHANNEL; k += 2) {
          dead.post(channel(c), message(c, k), PostOptions.digest(key(c, k)));
        }
      }
      fake.limits(SlackLimits.slack());
      SlackGateway restarted = SlackGateway.create(SlackClients.create(fake.apiUrl()),
          BotTokens.single(FakeSlack.BOT_TOKEN), new SlackPacer());
      // the restart takes every interrupted row back before its first look-back read: one read per
      // channel then answers all of that channel's rows
      Instant takenBack = Instant.now();
      ExecutorService lanes = Executors.newFixedThreadPool(LANES);
      long start = System.nanoTime();
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
          int ch = c;
          done.add(lanes.submit(() -> {
            for (int k = 0; k < ROWS_PER_CHANNEL; k++) {
              restarted.post(channel(ch), message(ch, k),
                  PostOptions.digest(key(ch, k)).retrying(Optional.of(attemptsBegan), takenBack));
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        lanes.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int duplicates = 0;
      int missing = 0;
      for (int c = 0; c < channels; c++) {
        List<String> texts = fake.messages("C" + c).stream().map(PostedMessage::text).toList();
        for (int k = 0; k < ROWS_PER_CHANNEL; k++) {
          String marker = text(c, k);
          long n = texts.stream().filter(t -> t.contains(marker)).count();
          duplicates += n > 1 ? (int) n - 1 : 0;
          missing += n == 0 ? 1 : 0;
        }
      }
      return new Result(channels * ROWS_PER_CHANNEL, channels, seconds, fake.counts("conversations.history").calls(),
          fake.counts("conversations.history").rateLimited() + fake.counts("chat.postMessage").rateLimited(),
          duplicates, missing);
    }
  }

  private static ChannelRef channel(int c) {
    return ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C" + c);
  }

  private static String key(int c, int k) {
    return "row:" + c + ":" + k;
  }

  private static Message message(int c, int k) {
    return Message.builder().text(text(c, k)).build();
  }

  private static String text(int c, int k) {
    return "[row " + c + "-" + k + "]";
  }
}
