package io.paperboy.discord;

import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * The bot's gateway sessions — one per shard this instance runs — and the one place that knows
 * which session holds a guild. Everything that needs JDA (posting, DMs, command registration)
 * asks here instead of holding a {@code JDA} of its own.
 */
interface DiscordShards {

  /** Shards across all instances of the bot. */
  int total();

  /** The sessions of this instance's shards, by shard id. */
  List<JDA> shards();

  /**
   * The session that holds {@code guildId}: empty when the guild's shard
   * ({@code (guild_id >> 22) % total}) is run by another instance.
   */
  Optional<JDA> forGuild(long guildId);

  /** Any running session, for calls that are not about one guild (DMs, application commands). */
  default JDA any() {
    return shards().get(0);
  }

  /** True when every shard of this instance is connected. */
  default boolean allConnected() {
    return !shards().isEmpty() && shards().stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED);
  }

  /** The shards of a running {@link ShardManager}. */
  static DiscordShards of(ShardManager manager) {
    return new DiscordShards() {
      @Override
      public int total() {
        return manager.getShardsTotal();
      }

      @Override
      public List<JDA> shards() {
        return manager.getShardCache().stream()
            .sorted(java.util.Comparator.comparingInt(s -> s.getShardInfo().getShardId())).toList();
      }

      @Override
      public Optional<JDA> forGuild(long guildId) {
        return Optional.ofNullable(manager.getShardById(ShardPlan.shardOf(guildId, total())));
      }
    };
  }
}
