package io.paperboy.bot.config;

import io.paperboy.store.delivery.ShardFilter;

/**
 * Discord endpoints; overridable so a REST proxy (large bots) or a fake Discord can stand in.
 *
 * @param apiUrl     REST base URL, ending in {@code /api/v10/}; point it at a REST proxy
 *                   (nirn-proxy and the like) to run behind one
 * @param gatewayUrl gateway WebSocket URL
 * @param shards     which shards this instance runs
 */
public record DiscordConfig(String apiUrl, String gatewayUrl, Shards shards) {

  public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
  public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg";

  /**
   * @param total the bot's shard count across all instances; absent takes the count Discord
   *              recommends ({@code GET /gateway/bot}). Set it when instances split the shards.
   * @param range this instance's shards, {@code FIRST-LAST} (e.g. {@code 0-3}); absent runs all.
   *              It needs the total: the delivery worker claims only the rows of guilds on these
   *              shards, {@code (guild_id >> 22) % total}, and a total Discord recommends may differ
   *              between two instances' starts
   */
  public record Shards(Integer total, String range) {
    public Shards {
      if (total != null && total < 1) {
        throw new ConfigException("discord.shards.total", "must be at least 1, was " + total);
      }
      if (range != null && !range.isBlank()) {
        if (!range.strip().matches("\\d+(\\s*-\\s*\\d+)?")) {
          throw new ConfigException("discord.shards.range", "must be FIRST-LAST such as 0-3, was " + Quoting.quote(range));
        }
        if (total == null) {
          throw new ConfigException("discord.shards.range", "needs discord.shards.total (the same on every instance "
              + "splitting the shards), was " + Quoting.quote(range) + " without it");
        }
        int[] bounds = bounds(range);
        if (bounds[0] > bounds[1] || bounds[1] >= total) {
          throw new ConfigException("discord.shards.range", "must be FIRST-LAST with FIRST <= LAST < discord.shards.total "
              + total + ", was " + Quoting.quote(range));
        }
      }
    }

    /**
     * The outbox rows this instance's delivery worker may claim: with a range, the Discord rows of
     * guilds on its shards (and every row that is no guild's); without one, every row.
     */
    public ShardFilter outboxFilter() {
      if (range == null || range.isBlank()) {
        return ShardFilter.all();
      }
      int[] bounds = bounds(range);
      return new ShardFilter(total, bounds[0], bounds[1]);
    }

    private static int[] bounds(String range) {
      String[] parts = range.strip().split("\\s*-\\s*");
      int first = Integer.parseInt(parts[0]);
      return new int[] {first, parts.length > 1 ? Integer.parseInt(parts[1]) : first};
    }
  }

  public DiscordConfig {
    apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
    gatewayUrl = gatewayUrl == null ? DEFAULT_GATEWAY_URL : gatewayUrl;
    shards = shards == null ? new Shards(null, null) : shards;
    Urls.check("discord.api-url", apiUrl, "http", "https");
    Urls.check("discord.gateway-url", gatewayUrl, "ws", "wss");
  }

  /** The endpoints, with every shard Discord recommends on this instance. */
  public DiscordConfig(String apiUrl, String gatewayUrl) {
    this(apiUrl, gatewayUrl, null);
  }
}
