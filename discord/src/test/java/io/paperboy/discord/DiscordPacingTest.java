package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.command.CommandService;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.ratelimit.SharedRateLimit;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.discord.DiscordLimits;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.RequestCounts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Pacing before sending, on the real JDA path: the global limit shared through the database, the safety stop")
class DiscordPacingTest {

  @RegisterExtension
  final LogGuard logs = new LogGuard();

  @TempDir
  Path dir;

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Posts one message to each channel from {@code threads} worker threads, as the delivery worker does. */
  private static void fanOut(DiscordBot bot, List<ChannelRef> channels, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> posts = new ArrayList<>();
      for (ChannelRef c : channels) {
        posts.add(pool.submit(() -> bot.gateway().post(c, Message.of(TestPapers.typical(1)),
            PostOptions.digest("day:" + c.channel()))));
      }
      for (Future<?> f : posts) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static DiscordBot start(FakeDiscord fake, CommandService commands, DiscordPacing pacing) throws Exception {
    return DiscordBot.start(new DiscordSettings(JdaAgainstFake.TOKEN, fake.apiUrl(), DiscordSettings.DEFAULT_GATEWAY_URL),
        commands, DiscordFixture.CLOCK, WAIT, pacing);
  }

  /** Instance {@code shard} of two, running only that shard, as instances split a bot's shards. */
  private static DiscordBot instance(FakeDiscord fake, CommandService commands, DiscordPacing pacing, int shard)
      throws Exception {
    return DiscordBot.start(new DiscordSettings(JdaAgainstFake.TOKEN, fake.apiUrl(), DiscordSettings.DEFAULT_GATEWAY_URL,
        ShardPlan.of(java.util.Optional.of(2), java.util.Optional.of(shard + "-" + shard))),
        commands, DiscordFixture.CLOCK, WAIT, pacing);
  }

  @Test
  @DisplayName("two instances (shard 0 and shard 1) on one SQLite database post 120 channels each at once: together under 50/s, at most 1 % answered 429, every post once")
  void twoInstancesShareTheGlobalLimit() throws Exception {
    ShardedWorld world = new ShardedWorld(2, 1, 120);
    try (FakeDiscord fake = world.builder.recommendedShards(2).maxConcurrency(2).limits(DiscordLimits.discord()).start();
         SqliteStores db = SqliteStores.open(dir.resolve("paperboy.db"));
         CommandService commands = new TestCommands().service();
         DiscordBot first = instance(fake, commands, DiscordPacing.of(db.rateLimits()), 0);
         DiscordBot second = instance(fake, commands, DiscordPacing.of(db.rateLimits()), 1)) {
      RequestCounts before = fake.requestCounts(JdaAgainstFake.TOKEN);
      List<ChannelRef> channels = new ArrayList<>(world.onShard(0));
      channels.addAll(world.onShard(1));
      long start = System.nanoTime();
      ExecutorService both = Executors.newFixedThreadPool(2);
      try {
        Future<?> a = both.submit(() -> {
          fanOut(first, channels.subList(0, 120), 8);
          return null;
        });
        Future<?> b = both.submit(() -> {
          fanOut(second, channels.subList(120, 240), 8);
          return null;
        });
        a.get();
        b.get();
      } finally {
        both.shutdownNow();
      }

      RequestCounts counts = fake.requestCounts(JdaAgainstFake.TOKEN);
      long requests = counts.requests() - before.requests();
      long limited = counts.rateLimited() - before.rateLimited();
      System.out.printf("two instances, 240 posts: %d requests, %d answered 429, %.1f s%n", requests, limited,
          (System.nanoTime() - start) / 1e9);
      assertThat(limited).as("429s of %d requests", requests).isLessThanOrEqualTo(requests / 100);
      for (ChannelRef c : channels) {
        assertThat(fake.calls("POST", ShardedWorld.messagesOf(c)).stream().filter(r -> r.status() == 200))
            .as(c.channel()).hasSize(1);
      }
    }
  }

  @Test
  @DisplayName("without a shared limit the same two instances overrun the global limit: what the database slots prevent")
  void unsharedInstancesOverrun() throws Exception {
    logs.expect("Encountered global rate limit");
    ShardedWorld world = new ShardedWorld(2, 1, 120);
    // a bot-wide limit of 10/s and two instances that each keep 8/s on their own: together they
    // send up to 16/s, more than the limit however slow this machine is (a 50/s limit would need the
    // machine to outrun it, which a loaded 2-core runner may not)
    try (FakeDiscord fake = world.builder.recommendedShards(2).maxConcurrency(2)
             .limits(DiscordLimits.discord().withGlobalPerSecond(10)).start();
         CommandService commands = new TestCommands().service();
         DiscordBot first = instance(fake, commands, new DiscordPacing(SharedRateLimit.inProcess(), 8, 10_000, Clock.systemUTC()), 0);
         DiscordBot second = instance(fake, commands, new DiscordPacing(SharedRateLimit.inProcess(), 8, 10_000, Clock.systemUTC()), 1)) {
      ExecutorService both = Executors.newFixedThreadPool(2);
      try {
        Future<?> a = both.submit(() -> {
          fanOut(first, world.onShard(0), 8);
          return null;
        });
        Future<?> b = both.submit(() -> {
          fanOut(second, world.onShard(1), 8);
          return null;
        });
        a.get();
        b.get();
      } finally {
        both.shutdownNow();
      }
      assertThat(fake.requestCounts(JdaAgainstFake.TOKEN).globalRateLimited()).isPositive();
    }
  }

  @Test
  @DisplayName("safety stop: once invalid answers reach the threshold, posting pauses (no request sent) and says why")
  void safetyStop() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(JdaAgainstFake.BOT_PERMISSIONS);
         CommandService commands = new TestCommands().service();
         DiscordBot bot = start(fake, commands,
             new DiscordPacing(SharedRateLimit.inProcess(), 48, 3, Clock.systemUTC()))) {
      ChannelRef text = ChannelRef.of(io.paperboy.store.Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.TEXT_CHANNEL_ID);
      for (int i = 0; i < 3; i++) {
        fake.failNext("POST", "/channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages", 403, 50001, "Missing Access");
        assertThatThrownBy(() -> bot.gateway().post(text, Message.of(TestPapers.typical(1)), PostOptions.digest("x")))
            .isInstanceOfSatisfying(PostException.class, e -> assertThat(e.kind()).isEqualTo(PostException.Kind.FORBIDDEN));
      }
      int sent = fake.calls("POST", "/channels/.*/messages").size();

      assertThatThrownBy(() -> bot.gateway().post(text, Message.of(TestPapers.typical(1)), PostOptions.digest("y")))
          .isInstanceOfSatisfying(PostException.class, e -> {
            assertThat(e.kind()).isEqualTo(PostException.Kind.RATE_LIMITED);
            assertThat(e.getMessage()).contains("3 invalid requests");
            assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive()
                .isLessThanOrEqualTo(InvalidRequestGuard.WINDOW.plusSeconds(1)));
          });
      assertThat(fake.calls("POST", "/channels/.*/messages")).as("nothing sent while paused").hasSize(sent);
    }
  }
}
