package io.paperboy.bot.cluster;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.database.DatabaseSetting;
import io.paperboy.bot.config.ConfigLoader;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.testkit.platform.HttpTestGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One instance of the cluster tests: the real composition root on the shared PostgreSQL database
 * (configured through {@code PAPERBOY_*} variables, as {@code run} is: clustered Quartz planner,
 * leased outbox worker), posting through the loopback fake platform's two dialects. It exits 0
 * once the outbox holds at least the expected rows and every one is finished; the parent kills,
 * stops and restarts it at chosen moments.
 *
 * <p>Public only because the {@code java} launcher starts it.
 */
public final class ClusterChild {

  private ClusterChild() {}

  /** @param args fake platform base URL, clock offset from the system clock in ms, rows to expect */
  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(args[1])));
    int expected = Integer.parseInt(args[2]);
    PaperboyConfig config = new ConfigLoader().load(Optional.empty(), System.getenv());
    Map<Platform, ChannelGateway> gateways = Map.of(
        Platform.DISCORD, new HttpTestGateway(Platform.DISCORD, baseUrl),
        Platform.SLACK, new HttpTestGateway(Platform.SLACK, baseUrl));
    try (Paperboy app = Paperboy.open(config, clock)) {
      System.out.println("instance " + app.instance() + " on "
          + DatabaseSetting.parse(config.database(), System.getenv()).display());
      try (DeliveryRuntime delivery = app.startDelivery(gateways)) {
        System.out.println("started");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
          Map<Delivery.Status, Integer> counts = app.subscriptionAdmin().reports().counts();
          int total = counts.values().stream().mapToInt(Integer::intValue).sum();
          if (total >= expected && counts.get(Delivery.Status.PENDING) == 0 && counts.get(Delivery.Status.ATTEMPTING) == 0) {
            System.out.println("drained: " + counts);
            break;
          }
          Thread.sleep(100);
        }
      }
    }
    System.exit(0);
  }
}
