package io.paperboy.discord;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * How to reach Discord. The URLs are settings because large bots run behind a REST proxy, and so
 * that a whole {@code paperboy run} can be driven against a fake Discord on 127.0.0.1.
 *
 * @param token      the bot token ({@code DISCORD_TOKEN}); never logged
 * @param apiUrl     REST base URL including the version path, ending in {@code /}
 *                   ({@code discord.api-url}, default {@value #DEFAULT_API_URL})
 * @param gatewayUrl gateway WebSocket URL ({@code discord.gateway-url}, default
 *                   {@code wss://gateway.discord.gg/}); when it is the default, the URL
 *                   {@code GET /gateway/bot} answers is used, as Discord asks
 * @param shards     which shards this instance runs ({@code discord.shards.*})
 */
public record DiscordSettings(String token, String apiUrl, String gatewayUrl, ShardPlan shards) {

  /** The environment variable whose presence turns the Discord adapter on. */
  public static final String TOKEN_VARIABLE = "DISCORD_TOKEN";

  /** JDA's own default REST base URL. */
  public static final String DEFAULT_API_URL = RestConfig.DEFAULT_BASE_URL;

  /** JDA's own default gateway URL (what its session controller connects to). */
  public static final String DEFAULT_GATEWAY_URL = new ConcurrentSessionController().getGateway();

  public DiscordSettings {
    Objects.requireNonNull(shards, "shards");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    if (token.isBlank()) {
      throw new IllegalArgumentException(TOKEN_VARIABLE + " is set but blank");
    }
    apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    requireScheme("discord.api-url", apiUrl, "http", "https");
    requireScheme("discord.gateway-url", gatewayUrl, "ws", "wss");
  }

  /** Every shard Discord recommends, on this instance. */
  public DiscordSettings(String token, String apiUrl, String gatewayUrl) {
    this(token, apiUrl, gatewayUrl, ShardPlan.recommended());
  }

  /** Discord's own endpoints. */
  public static DiscordSettings of(String token) {
    return new DiscordSettings(token, DEFAULT_API_URL, DEFAULT_GATEWAY_URL);
  }

  /** These settings running the shards {@code plan} names. */
  public DiscordSettings withShards(ShardPlan plan) {
    return new DiscordSettings(token, apiUrl, gatewayUrl, plan);
  }

  /** Whether the gateway URL was set rather than left to {@code GET /gateway/bot}. */
  boolean gatewayOverridden() {
    return !gatewayUrl.equals(DEFAULT_GATEWAY_URL) && !gatewayUrl.equals(DEFAULT_GATEWAY_URL.replaceAll("/$", ""));
  }

  /** The REST host, for messages that must say where the bot tried to connect. */
  String apiHost() {
    return URI.create(apiUrl).getHost();
  }

  /**
   * The settings for {@code paperboy run}: empty when {@value #TOKEN_VARIABLE} is absent or blank
   * (the adapter is then simply not started); absent URLs take Discord's defaults.
   */
  public static Optional<DiscordSettings> fromEnvironment(
      Map<String, String> environment, Optional<String> apiUrl, Optional<String> gatewayUrl) {
    String token = environment.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new DiscordSettings(
        token.strip(), apiUrl.orElse(DEFAULT_API_URL), gatewayUrl.orElse(DEFAULT_GATEWAY_URL)));
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "DiscordSettings[token=***, apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + ", shards=" + shards + "]";
  }

  private static void requireScheme(String setting, String url, String... schemes) {
    String scheme;
    try {
      URI uri = new URI(url);
      scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException(setting + " has no host: " + url);
      }
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(setting + " is not a URL: " + url, e);
    }
    for (String s : schemes) {
      if (s.equals(scheme)) {
        return;
      }
    }
    throw new IllegalArgumentException(
        setting + " must start with " + String.join(":// or ", schemes) + "://, was " + url);
  }
}
