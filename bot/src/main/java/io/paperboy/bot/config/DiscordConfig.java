package io.paperboy.bot.config;

/**
 * Discord endpoints; overridable so a REST proxy (large bots) or a fake Discord can stand in.
 *
 * @param apiUrl     REST base URL, ending in {@code /api/v10/}
 * @param gatewayUrl gateway WebSocket URL
 */
public record DiscordConfig(String apiUrl, String gatewayUrl) {

  public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
  public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg";

  public DiscordConfig {
    apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
    gatewayUrl = gatewayUrl == null ? DEFAULT_GATEWAY_URL : gatewayUrl;
    Urls.check("discord.api-url", apiUrl, "http", "https");
    Urls.check("discord.gateway-url", gatewayUrl, "ws", "wss");
  }
}
