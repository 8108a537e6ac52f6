package io.paperboy.testkit.discord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link FakeDiscord} is set up before it starts: the limits it enforces (off unless set),
 * what {@code GET /gateway/bot} reports (recommended shards, session start limit,
 * {@code max_concurrency}), and guilds beyond the two every fake has.
 */
public final class FakeDiscordBuilder {

  private final long botPermissions;
  DiscordLimits limits = DiscordLimits.off();
  int recommendedShards = 1;
  int maxConcurrency = 1;
  int sessionStartLimit = 1000;
  private final List<FakeGuild> guilds = new ArrayList<>();

  FakeDiscordBuilder(long botPermissions) {
    this.botPermissions = botPermissions;
  }

  /** The limits to enforce; {@link DiscordLimits#off()} unless set. */
  public FakeDiscordBuilder limits(DiscordLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /** {@code shards} in {@code GET /gateway/bot} (1 unless set). */
  public FakeDiscordBuilder recommendedShards(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("recommended shards must be >= 1, got " + shards);
    }
    this.recommendedShards = shards;
    return this;
  }

  /**
   * {@code session_start_limit.max_concurrency} (1 unless set, as for most bots): IDENTIFYs
   * allowed per 5 s, one per rate-limit key {@code shard_id % max_concurrency}; enforced when
   * the limits are.
   */
  public FakeDiscordBuilder maxConcurrency(int maxConcurrency) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("max_concurrency must be >= 1, got " + maxConcurrency);
    }
    this.maxConcurrency = maxConcurrency;
    return this;
  }

  /** {@code session_start_limit.total} (Discord's 1000 unless set). */
  public FakeDiscordBuilder sessionStartLimit(int total) {
    this.sessionStartLimit = total;
    return this;
  }

  /** One more guild the bot is in (its channels must have ids no other guild uses). */
  public FakeDiscordBuilder guild(FakeGuild guild) {
    guilds.add(guild);
    return this;
  }

  public FakeDiscord start() throws IOException {
    FakeDiscord fake = new FakeDiscord(this);
    fake.serve(botPermissions, guilds);
    return fake;
  }
}
