package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.paperboy.core.command.CommandService;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.health.Readiness;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.testkit.discord.DiscordLimits;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.ShardState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("DiscordBot on JDA's ShardManager: shards from Discord or the settings, guilds routed to their shard, readiness")
class DiscordShardedBotTest {

  @RegisterExtension
  final LogGuard logs = new LogGuard();

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Message post(int rank) {
    return Message.of(TestPapers.typical(rank));
  }

  @Test
  @DisplayName("two shards recommended by /gateway/bot: both identify as [id, 2], each guild's post goes through its shard, ready once both are connected")
  void recommendedShardsAndReadiness() throws Exception {
    ShardedWorld world = new ShardedWorld(2, 2, 1);
    Readiness readiness = new Readiness();
    try (FakeDiscord fake = world.builder.recommendedShards(2).maxConcurrency(2).limits(DiscordLimits.discord()).start();
         CommandService commands = new TestCommands().service();
         DiscordConnection discord = DiscordConnection.launch(new DiscordSettings("fake-token", fake.apiUrl(),
             DiscordSettings.DEFAULT_GATEWAY_URL), commands, DiscordFixture.CLOCK, DiscordPacing.inProcess(), readiness,
             DiscordConnection.Backoff.DEFAULT)) {
      assertThat(discord.awaitConnected(WAIT)).as("connected").isTrue();

      assertThat(readiness.checks()).singleElement().satisfies(c -> {
        assertThat(c.ready()).isTrue();
        assertThat(c.detail()).isEqualTo("2 of 2 shards connected");
      });
      assertThat(fake.shards()).extracting(ShardState::shardId, ShardState::shardCount, ShardState::identifies)
          .containsExactly(tuple(0, 2, 1), tuple(1, 2, 1));
      for (ChannelRef channel : world.channels) {
        assertThat(discord.gateway().post(channel, post(1), PostOptions.digest("k:" + channel.channel())).messageIds())
            .hasSize(1);
        assertThat(fake.calls("POST", ShardedWorld.messagesOf(channel))).hasSize(1);
      }
      assertThat(fake.calls("PUT", "/applications/.*/commands")).as("commands registered once, not per shard")
          .hasSize(1);
    }
  }

  @Test
  @DisplayName("a shard whose connection drops resumes (no second IDENTIFY); readiness and posting to its guilds come back")
  void shardDropsAndResumes() throws Exception {
    ShardedWorld world = new ShardedWorld(2, 1, 1);
    try (FakeDiscord fake = world.builder.recommendedShards(2).maxConcurrency(2).limits(DiscordLimits.discord()).start();
         CommandService commands = new TestCommands().service();
         DiscordBot bot = DiscordBot.start(new DiscordSettings("fake-token", fake.apiUrl(),
             DiscordSettings.DEFAULT_GATEWAY_URL), commands, DiscordFixture.CLOCK, WAIT)) {
      ChannelRef onShard1 = world.onShard(1).get(0);

      fake.disconnectShard(1, FakeDiscord.Disconnect.DROP);
      fake.awaitShard(1, s -> s.connected() && s.resumes() == 1, WAIT);
      FakeDiscord.waitUntil(() -> bot.connectedShards() == 2, WAIT, "both shards connected again");

      assertThat(bot.gateway().post(onShard1, post(2), PostOptions.digest("after-resume")).messageIds()).hasSize(1);
      assertThat(fake.shards()).extracting(ShardState::identifies).containsExactly(1, 1);
    }
  }

  @Test
  @DisplayName("discord.shards.total 4 and range 2-3: only shards 2 and 3 start; a guild on shard 0 is another instance's, a transient failure here")
  void shardRange() throws Exception {
    ShardedWorld world = new ShardedWorld(4, 1, 1);
    try (FakeDiscord fake = world.builder.recommendedShards(1).maxConcurrency(4).limits(DiscordLimits.discord()).start();
         CommandService commands = new TestCommands().service();
         DiscordBot bot = DiscordBot.start(new DiscordSettings("fake-token", fake.apiUrl(),
             DiscordSettings.DEFAULT_GATEWAY_URL, ShardPlan.of(Optional.of(4), Optional.of("2-3"))), commands,
             DiscordFixture.CLOCK, WAIT)) {
      assertThat(fake.shards()).extracting(ShardState::shardId, ShardState::shardCount)
          .containsExactly(tuple(2, 4), tuple(3, 4));
      assertThat(bot.shardCount()).isEqualTo(2);

      ChannelRef mine = world.onShard(3).get(0);
      assertThat(bot.gateway().post(mine, post(1), PostOptions.digest("mine")).messageIds()).hasSize(1);

      ChannelRef theirs = world.onShard(0).get(0);
      assertThatThrownBy(() -> bot.gateway().post(theirs, post(1), PostOptions.digest("theirs")))
          .isInstanceOfSatisfying(PostException.class, e -> {
            assertThat(e.kind()).isEqualTo(PostException.Kind.TRANSIENT);
            assertThat(e.getMessage()).contains("shard 0 of 4");
          });
      assertThat(fake.calls("POST", ShardedWorld.messagesOf(theirs))).isEmpty();
    }
  }

  @Test
  @DisplayName("a range past the shard total is refused before anything connects, saying which settings")
  void rangePastTotal() {
    assertThatThrownBy(() -> ShardPlan.of(Optional.of(2), Optional.of("1-2")))
        .hasMessageContaining("discord.shards.range 1-2").hasMessageContaining("discord.shards.total 2");
    assertThatThrownBy(() -> ShardPlan.Range.parse("two")).hasMessageContaining("0-3");
  }
}
