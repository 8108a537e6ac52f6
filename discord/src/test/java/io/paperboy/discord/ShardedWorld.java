package io.paperboy.discord;

import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeDiscordBuilder;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake Discord world for sharded tests: {@code guildsPerShard} guilds on each of
 * {@code shardCount} shards (Discord's {@code (guild_id >> 22) % shards}), each guild with
 * {@code channelsPerGuild} text channels.
 */
final class ShardedWorld {

  final List<ChannelRef> channels = new ArrayList<>();
  final FakeDiscordBuilder builder;
  private final int shardCount;

  ShardedWorld(int shardCount, int guildsPerShard, int channelsPerGuild) {
    this.shardCount = shardCount;
    this.builder = FakeDiscord.builder(JdaAgainstFake.BOT_PERMISSIONS);
    int ordinal = 10;
    long channel = 1_390_000_000_000_000_000L;
    for (int shard = 0; shard < shardCount; shard++) {
      for (int g = 0; g < guildsPerShard; g++, ordinal++) {
        String guild = FakeDiscord.guildIdOnShard(shard, shardCount, ordinal);
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < channelsPerGuild; c++) {
          String id = Long.toString(channel++);
          ids.add(id);
          channels.add(ChannelRef.of(Platform.DISCORD, guild, id));
        }
        builder.guild(FakeGuild.withTextChannels(guild, "guild-" + ordinal, ids, JdaAgainstFake.BOT_PERMISSIONS));
      }
    }
  }

  /** The channels of guilds on {@code shard}. */
  List<ChannelRef> onShard(int shard) {
    return channels.stream().filter(c -> ShardPlan.shardOf(Long.parseLong(c.workspace()), shardCount) == shard).toList();
  }

  static String messagesOf(ChannelRef channel) {
    return "/channels/" + channel.channel() + "/messages";
  }
}
