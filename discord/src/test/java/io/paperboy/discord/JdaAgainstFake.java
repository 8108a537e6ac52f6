package io.paperboy.discord;

import com.neovisionaries.ws.client.WebSocketFactory;
import io.paperboy.core.net.NoDelaySocketFactory;
import io.paperboy.testkit.discord.FakeDiscord;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import okhttp3.OkHttpClient;

/**
 * Plain JDA — one session, or a {@code ShardManager} — wired to a fake Discord the way
 * platform-testing.md describes, for tests of the fake itself (no Paperboy code in between).
 */
final class JdaAgainstFake {

  static final String TOKEN = "fake-token";
  /** What the bot's invite grants, so JDA's own permission checks pass as they would in production. */
  static final long BOT_PERMISSIONS = net.dv8tion.jda.api.Permission.getRaw(DiscordPermissions.required());
  /** Generous: a guard against a hang, not a timing assertion. */
  static final Duration READY = Duration.ofSeconds(30);

  private JdaAgainstFake() {}

  /** One JDA session (no shard field in IDENTIFY), ready. */
  static JDA jda(FakeDiscord fake, Object... listeners) throws InterruptedException {
    return jda(fake, new RestConfig(), listeners);
  }

  /** One JDA session with this REST configuration (its base URL is set to the fake's), ready. */
  static JDA jda(FakeDiscord fake, RestConfig rest, Object... listeners) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(1);
    JDA jda = JDABuilder.createLight(TOKEN, EnumSet.noneOf(GatewayIntent.class))
        .setRestConfig(rest.setBaseUrl(fake.apiUrl()))
        .setSessionController(new ConcurrentSessionController() {
          @Override
          public String getGateway() {
            return fake.gatewayUrl();
          }
        })
        .setHttpClientBuilder(new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()))
        .setWebsocketFactory(new WebSocketFactory().setSocketFactory(new NoDelaySocketFactory()))
        .setCompression(Compression.NONE)
        .setEnableShutdownHook(false)
        .addEventListeners(listeners)
        .addEventListeners(new ListenerAdapter() {
          @Override
          public void onReady(ReadyEvent event) {
            ready.countDown();
          }
        })
        .build();
    if (!ready.await(READY.toSeconds(), TimeUnit.SECONDS)) {
      jda.shutdownNow();
      throw new AssertionError("JDA not ready within " + READY + " (status " + jda.getStatus() + ")");
    }
    return jda;
  }

  /** Leaves the gateway and waits until JDA has stopped, so the fake can close with nothing in flight. */
  static void close(JDA jda) {
    jda.shutdown();
    try {
      if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      jda.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** {@link #close(JDA)} for every shard. */
  static void close(ShardManager manager) {
    List<JDA> shards = manager.getShards();
    manager.shutdown();
    shards.forEach(JdaAgainstFake::close);
  }

  /**
   * A shard manager builder pointed at the fake: REST there, and (by {@code GET /gateway/bot},
   * which {@code DefaultShardManager} asks instead of the session controller's fixed URL) the
   * gateway too.
   */
  static DefaultShardManagerBuilder shardManager(FakeDiscord fake) {
    return DefaultShardManagerBuilder.createLight(TOKEN, EnumSet.noneOf(GatewayIntent.class))
        .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
        .setHttpClientBuilder(new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()))
        .setWebsocketFactory(new WebSocketFactory().setSocketFactory(new NoDelaySocketFactory()))
        .setCompression(Compression.NONE)
        .setEnableShutdownHook(false);
  }
}
