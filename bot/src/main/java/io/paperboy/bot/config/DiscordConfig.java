package io.paperboy.bot.config;

/**
 * Discord endpoints; overridable so a REST proxy (large bots) or a fake Discord can stand in.
 *
 * @param apiUrl     REST base URL, ending in {@code /api/v10/}
 * @param gatewayUrl gateway WebSocket URL
 */
public record DiscordConfig(String apiUrl, String gatewayUrl) {

  public DiscordConfig {
    apiUrl = apiUrl == null ? "https://discord.com/api/v10/" : apiUrl;
    gatewayUrl = gatewayUrl == null ? "wss://gateway.discord.gg" : gatewayUrl;
    Urls.check("discord.api-url", apiUrl, "http", "https");
    Urls.check("discord.gateway-url", gatewayUrl, "ws", "wss");
  }
}
