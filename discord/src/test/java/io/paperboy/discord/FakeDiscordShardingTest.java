package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.paperboy.testkit.discord.DiscordLimits;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeDiscordBuilder;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.testkit.discord.FakeInteraction;
import io.paperboy.testkit.discord.ShardState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JDA's ShardManager against the fake: shards from /gateway/bot, guilds on their shards, resumes")
class FakeDiscordShardingTest {

  @RegisterExtension
  final LogGuard logs = new LogGuard();

  /** Two guilds per shard for {@code shardCount} shards, each with one text channel. */
  private static FakeDiscordBuilder world(int shardCount) {
    FakeDiscordBuilder builder = FakeDiscord.builder(JdaAgainstFake.BOT_PERMISSIONS);
    int ordinal = 10;
    for (int shard = 0; shard < shardCount; shard++) {
      for (int i = 0; i < 2; i++, ordinal++) {
        String guild = FakeDiscord.guildIdOnShard(shard, shardCount, ordinal);
        builder.guild(FakeGuild.withTextChannels(guild, "guild-" + ordinal, List.of(channelOf(ordinal)), JdaAgainstFake.BOT_PERMISSIONS));
      }
    }
    return builder;
  }

  private static String channelOf(int ordinal) {
    return Long.toString(1_390_000_000_000_000_000L + ordinal);
  }

  /** Records what each shard's JDA saw. */
  private static final class Recorder extends ListenerAdapter {
    final CountDownLatch ready;
    final Map<Integer, CountDownLatch> resumed = new ConcurrentHashMap<>();
    final BlockingQueue<String> interactions = new LinkedBlockingQueue<>();

    Recorder(int shards) {
      ready = new CountDownLatch(shards);
      for (int i = 0; i < 8; i++) {
        resumed.put(i, new CountDownLatch(1));
      }
    }

    @Override
    public void onReady(ReadyEvent event) {
      ready.countDown();
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
      resumed.get(event.getJDA().getShardInfo().getShardId()).countDown();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
      interactions.add(event.getJDA().getShardInfo().getShardId() + ":" + event.getGuild().getId());
    }

    void awaitReady() throws InterruptedException {
      assertThat(ready.await(JdaAgainstFake.READY.toSeconds(), TimeUnit.SECONDS)).as("all shards ready").isTrue();
    }
  }

  private static List<String> guildIds(JDA shard) {
    return shard.getGuilds().stream().map(Guild::getId).sorted().toList();
  }

  @Test
  @DisplayName("setShardsTotal(-1) takes Discord's recommended count; each shard gets exactly its guilds and their interactions")
  void recommendedShards() throws Exception {
    Recorder recorder = new Recorder(3);
    try (FakeDiscord fake = world(3).recommendedShards(3).maxConcurrency(3).limits(DiscordLimits.discord()).start()) {
      ShardManager manager = JdaAgainstFake.shardManager(fake).setShardsTotal(-1).addEventListeners(recorder).build();
      try {
        recorder.awaitReady();

        assertThat(manager.getShardsTotal()).isEqualTo(3);
        assertThat(fake.calls("GET", "/gateway/bot")).isNotEmpty();
        for (JDA shard : manager.getShards()) {
          int id = shard.getShardInfo().getShardId();
          assertThat(guildIds(shard)).as("guilds of shard " + id).isEqualTo(fake.guildIdsOnShard(id, 3)).isNotEmpty();
        }
        String onShard2 = FakeDiscord.guildIdOnShard(2, 3, 14);
        assertThat(manager.getGuildById(onShard2).getJDA().getShardInfo().getShardId()).isEqualTo(2);
        assertThat(fake.shards()).extracting(ShardState::shardId, ShardState::shardCount, ShardState::identifies,
            ShardState::refused).containsExactly(tuple(0, 3, 1, 0), tuple(1, 3, 1, 0), tuple(2, 3, 1, 0));

        fake.send(FakeInteraction.slash("paper").in(onShard2, channelOf(14)).by(FakeDiscord.OWNER_ID));
        assertThat(recorder.interactions.poll(10, TimeUnit.SECONDS)).isEqualTo("2:" + onShard2);
      } finally {
        JdaAgainstFake.close(manager);
      }
    }
  }

  @Test
  @DisplayName("setShards(1, 2) of 4 starts only shards 1 and 2, with only their guilds")
  void shardRange() throws Exception {
    Recorder recorder = new Recorder(2);
    try (FakeDiscord fake = world(4).recommendedShards(4).maxConcurrency(4).limits(DiscordLimits.discord()).start()) {
      ShardManager manager = JdaAgainstFake.shardManager(fake).setShardsTotal(4).setShards(1, 2)
          .addEventListeners(recorder).build();
      try {
        recorder.awaitReady();

        assertThat(manager.getShards()).extracting(s -> s.getShardInfo().getShardId()).containsExactlyInAnyOrder(1, 2);
        assertThat(fake.shards()).extracting(ShardState::shardId, ShardState::shardCount, ShardState::refused)
            .containsExactly(tuple(1, 4, 0), tuple(2, 4, 0));
        assertThat(manager.getGuildById(FakeDiscord.guildIdOnShard(0, 4, 10))).as("shard 0 is not here").isNull();
        assertThat(manager.getGuildById(FakeDiscord.guildIdOnShard(1, 4, 12))).isNotNull();
        assertThat(manager.getGuildCache().size()).isEqualTo(
            fake.guildIdsOnShard(1, 4).size() + fake.guildIdsOnShard(2, 4).size());
      } finally {
        JdaAgainstFake.close(manager);
      }
    }
  }

  @Test
  @DisplayName("a shard whose socket drops, or that is told op 7, resumes its session (RESUMED, no new IDENTIFY) and misses nothing")
  void resume() throws Exception {
    Recorder recorder = new Recorder(2);
    try (FakeDiscord fake = world(2).recommendedShards(2).maxConcurrency(2).limits(DiscordLimits.discord()).start()) {
      ShardManager manager = JdaAgainstFake.shardManager(fake).setShardsTotal(-1).addEventListeners(recorder).build();
      try {
        recorder.awaitReady();
        String onShard1 = FakeDiscord.guildIdOnShard(1, 2, 12);

        fake.disconnectShard(1, FakeDiscord.Disconnect.DROP);
        // sent while shard 1 has no connection: Discord replays it on RESUME
        fake.send(FakeInteraction.slash("paper").in(onShard1, channelOf(12)).by(FakeDiscord.OWNER_ID));
        assertThat(recorder.resumed.get(1).await(30, TimeUnit.SECONDS)).as("shard 1 resumed").isTrue();
        assertThat(recorder.interactions.poll(10, TimeUnit.SECONDS)).isEqualTo("1:" + onShard1);

        fake.disconnectShard(0, FakeDiscord.Disconnect.RECONNECT);
        assertThat(recorder.resumed.get(0).await(30, TimeUnit.SECONDS)).as("shard 0 resumed").isTrue();

        List<ShardState> shards = new ArrayList<>();
        for (int id = 0; id < 2; id++) {
          shards.add(fake.awaitShard(id, s -> s.connected() && s.resumes() == 1, Duration.ofSeconds(10)));
        }
        assertThat(shards).extracting(ShardState::identifies).containsExactly(1, 1);
        assertThat(manager.getShardById(1).getStatus()).isEqualTo(JDA.Status.CONNECTED);
      } finally {
        JdaAgainstFake.close(manager);
      }
    }
  }

  @Test
  @DisplayName("with max_concurrency 1, JDA's session controller waits 5 s between shards, so the fake refuses no IDENTIFY")
  void identifyPacing() throws Exception {
    Recorder recorder = new Recorder(2);
    try (FakeDiscord fake = world(2).recommendedShards(2).maxConcurrency(1).limits(DiscordLimits.discord()).start()) {
      ShardManager manager = JdaAgainstFake.shardManager(fake).setShardsTotal(-1).addEventListeners(recorder).build();
      try {
        recorder.awaitReady();
        assertThat(fake.shards()).extracting(ShardState::identifies, ShardState::refused)
            .containsExactly(tuple(1, 0), tuple(1, 0));
      } finally {
        JdaAgainstFake.close(manager);
      }
    }
  }
}
