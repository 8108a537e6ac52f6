package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.ChannelGateway;

import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.store.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The child process of {@link ExactlyOnceCrashTest}: opens the real SQLite file, plans (again, after
 * a crash) and runs the real delivery worker against the fake platform until the outbox is
 * drained, then exits 0. The parent kills it with SIGKILL at chosen moments.
 *
 * <p>Public only because the {@code java} launcher starts it.
 */
public final class CrashChild {

  private CrashChild() {}

  /** @param args database file, fake platform base URL, clock offset from the system clock in ms */
  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String baseUrl = args[1];
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(args[2])));
    try (DeliveryFixture f = new DeliveryFixture(db)) {
      Map<Platform, ChannelGateway> gateways = Map.of(
          Platform.DISCORD, new HttpTestGateway(Platform.DISCORD, baseUrl),
          Platform.SLACK, new HttpTestGateway(Platform.SLACK, baseUrl));
      DeliveryWorker worker = f.worker(gateways, new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(50), 50), 4,
          clock);
      f.planner(clock, worker::wake).planOnce();
      worker.start();
      f.awaitQuiet(Duration.ofSeconds(120));
      worker.stop(Duration.ofSeconds(10));
    }
    System.out.println("drained");
    System.exit(0);
  }
}
