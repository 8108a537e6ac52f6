package io.paperboy.store.delivery;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;

/**
 * Which Discord outbox rows an instance may list and claim when instances split the bot's shards
 * ({@code discord.shards.range}): a guild lives on shard {@code (guild_id >> 22) % total}, and
 * only the instance running that shard has the guild in its JDA cache, so only it can post there.
 * Rows that no shard owns stay claimable by every instance: other platforms, Discord DMs
 * (workspace {@code @me}, sent through any session) and workspaces that are not a guild id (the
 * gateway fails those whoever claims them).
 *
 * @param total the bot's shard count across all instances ({@code discord.shards.total})
 * @param first this instance's first shard
 * @param last  this instance's last shard, included
 */
public record ShardFilter(int total, int first, int last) {

  /** Discord's shard rule shifts the snowflake past its 22 bits of worker, process and increment. */
  public static final int SNOWFLAKE_SHIFT = 22;

  public ShardFilter {
    if (total < 1 || first < 0 || last < first || last >= total) {
      throw new IllegalArgumentException("need 0 <= first <= last < total, was " + first + "-" + last + " of " + total);
    }
  }

  /** One instance runs every shard: it may claim every row. */
  public static ShardFilter all() {
    return new ShardFilter(1, 0, 0);
  }

  /** Whether this filter lets every row through (so adapters need add no condition). */
  public boolean isAll() {
    return first == 0 && last == total - 1;
  }

  /** The rule the adapters put into SQL, for one channel. */
  public boolean admits(ChannelRef channel) {
    if (isAll() || channel.platform() != Platform.DISCORD || !isGuildId(channel.workspace())) {
      return true;
    }
    int shard = (int) ((Long.parseLong(channel.workspace()) >> SNOWFLAKE_SHIFT) % total);
    return shard >= first && shard <= last;
  }

  /** A guild id as the adapters recognise one: 1 to 19 digits (a snowflake fits a signed 64-bit integer). */
  public static boolean isGuildId(String workspace) {
    return workspace.matches("[0-9]{1,19}") && (workspace.length() < 19 || workspace.compareTo("9223372036854775807") <= 0);
  }
}
