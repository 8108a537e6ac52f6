package io.paperboy.discord;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which shards this instance runs. Several instances of one bot split the shards between them by
 * each taking a range of the same total, so the total must then be fixed: a count Discord
 * recommends can change between two instances' starts, and a guild would then be on no instance
 * or on two.
 *
 * @param total the shard count ({@code discord.shards.total}); empty takes Discord's recommendation
 *              from {@code GET /gateway/bot}
 * @param range this instance's shards ({@code discord.shards.range}, e.g. {@code 0-3}); empty runs
 *              them all
 */
public record ShardPlan(OptionalInt total, Optional<Range> range) {

  /** Shards {@code first} to {@code last}, both included. */
  public record Range(int first, int last) {
    public Range {
      if (first < 0 || last < first) {
        throw new IllegalArgumentException("discord.shards.range must be FIRST-LAST with 0 <= FIRST <= LAST, was "
            + first + "-" + last);
      }
    }

    /** Parses {@code 0-3} or a single shard {@code 2}. */
    public static Range parse(String text) {
      String s = text.strip();
      int dash = s.indexOf('-');
      try {
        return dash < 0 ? new Range(Integer.parseInt(s), Integer.parseInt(s))
            : new Range(Integer.parseInt(s.substring(0, dash).strip()), Integer.parseInt(s.substring(dash + 1).strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("discord.shards.range must look like 0-3, was \"" + text + "\"", e);
      }
    }

    public int size() {
      return last - first + 1;
    }

    @Override
    public String toString() {
      return first + "-" + last;
    }
  }

  public ShardPlan {
    if (total.isPresent() && total.getAsInt() < 1) {
      throw new IllegalArgumentException("discord.shards.total must be at least 1, was " + total.getAsInt());
    }
    if (total.isPresent() && range.isPresent() && range.get().last() >= total.getAsInt()) {
      throw new IllegalArgumentException("discord.shards.range " + range.get() + " goes past discord.shards.total "
          + total.getAsInt() + " (shards are numbered from 0)");
    }
  }

  /** Every shard Discord recommends, on this one instance. */
  public static ShardPlan recommended() {
    return new ShardPlan(OptionalInt.empty(), Optional.empty());
  }

  /** From the two settings, either of which may be absent or blank. */
  public static ShardPlan of(Optional<Integer> total, Optional<String> range) {
    return new ShardPlan(total.map(OptionalInt::of).orElse(OptionalInt.empty()),
        range.filter(r -> !r.isBlank()).map(Range::parse));
  }

  /** The shard a guild lives on, as Discord assigns it. */
  public static int shardOf(long guildId, int total) {
    return (int) ((guildId >> 22) % total);
  }
}
