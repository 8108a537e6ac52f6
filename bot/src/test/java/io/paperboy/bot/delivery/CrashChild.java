package io.paperboy.bot.delivery;

import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.discord.DiscordBot;
import io.paperboy.discord.DiscordPacing;
import io.paperboy.discord.DiscordSettings;
import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.store.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link ExactlyOnceCrashTest}: opens the real SQLite file, plans (again, after
 * a crash) and runs the real delivery worker until the outbox is drained, then exits 0. The parent
 * kills it with SIGKILL at chosen moments. It posts either to the fake platform (both dialects,
 * through the test gateway) or, with a fourth argument {@code jda}, to the fake Discord through
 * the production Discord adapter (JDA's ShardManager), the path forum posts take.
 *
 * <p>Public only because the {@code java} launcher starts it.
 */
public final class CrashChild {

  /** The bot token the JDA child logs in with. */
  static final String TOKEN = "crash-child-token";

  private CrashChild() {}

  /**
   * @param args database file, the fake's base URL (the fake Discord's API URL in {@code jda} mode),
   *             clock offset from the system clock in ms, and optionally {@code jda}
   */
  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String baseUrl = args[1];
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(args[2])));
    boolean jda = args.length > 3 && args[3].equals("jda");
    try (DeliveryFixture f = new DeliveryFixture(db);
         CommandService commands = new CommandService(new CommandRegistry(List.of()));
         DiscordBot bot = jda ? DiscordBot.start(new DiscordSettings(TOKEN, baseUrl, DiscordSettings.DEFAULT_GATEWAY_URL),
             commands, Clock.systemUTC(), Duration.ofMinutes(1), DiscordPacing.inProcess()) : null) {
      Map<Platform, ChannelGateway> gateways = jda ? Map.of(Platform.DISCORD, bot.gateway()) : Map.of(
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
