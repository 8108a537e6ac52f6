package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.testkit.platform.RateLimits;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily fan-out of one day to 1,000 channels against a fake that enforces Discord's documented
 * limits (about 50 requests per second in all, 5 messages per 5 seconds per channel): prints the
 * completion time against the floor those limits allow. Run with
 * {@code mvn -B -o -pl bot -am verify -Dgroups=benchmark -Dbench.excludedGroups=none -Dtest=DeliveryFanOutBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dpaperboy.bench.channels=…}, {@code -Dpaperboy.bench.parallelism=…} to vary).
 */
@Tag("benchmark")
@DisplayName("Benchmark: one day to 1,000 channels under Discord's rate limits")
class DeliveryFanOutBenchmark {

  @TempDir
  Path dir;

  @Test
  void fanOut() throws Exception {
    int channels = Integer.getInteger("paperboy.bench.channels", 1_000);
    int parallelism = Integer.getInteger("paperboy.bench.parallelism", 8);
    RateLimits limits = RateLimits.discord();
    try (FakePlatform fake = new FakePlatform(); DeliveryFixture f = new DeliveryFixture(dir.resolve("p.db"))) {
      fake.enforce(limits);
      // three papers: one message per channel
      f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY, HttpTestGateway.CARDS_PER_PART));
      List<ChannelRef> refs = f.subscribe(Platform.DISCORD, "G1", "C", channels);
      Clock clock = DeliveryFixture.clockAt(DeliveryFixture.SLOT);
      DeliveryWorker worker = f.worker(Map.of(Platform.DISCORD, new HttpTestGateway(Platform.DISCORD, fake.baseUrl())),
          new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 8), parallelism, clock);

      long planStart = System.nanoTime();
      int planned = f.planner(clock, worker::wake).planOnce().due().size();
      double planSeconds = (System.nanoTime() - planStart) / 1e9;
      long start = System.nanoTime();
      worker.start();
      f.awaitQuiet(Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - start) / 1e9;
      worker.stop(Duration.ofSeconds(10));

      int messages = fake.allPosts().values().stream().mapToInt(List::size).sum();
      double floor = limits.floorSeconds(messages, channels);
      List<Delivery> rows = f.reports.all();
      System.out.printf("fan-out: %d channels, %d rows planned in %.2f s, %d messages in %.1f s; floor %.1f s;"
          + " ratio %.2f; %d answers were 429; %d attempts; parallelism %d%n", channels, planned, planSeconds, messages,
          seconds, floor, seconds / floor, fake.rateLimitedAnswers(), rows.stream().mapToInt(Delivery::attempts).sum(),
          parallelism);
      assertThat(messages).isEqualTo(channels);
      assertThat(rows).hasSize(refs.size()).allMatch(d -> d.status() == Delivery.Status.SENT);
    }
  }
}
