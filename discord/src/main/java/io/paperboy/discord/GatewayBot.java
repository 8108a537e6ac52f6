package io.paperboy.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What the bot asks Discord before it starts any shard: who it is ({@code GET /users/@me}) and
 * {@code GET /gateway/bot} — the gateway URL, the recommended shard count and the session start
 * limit. Asking first, with a plain HTTP client, turns every way of not getting in (no network, a
 * wrong URL, a refused token, no sessions left today) into one {@link DiscordUnavailable} with a
 * one-line message, before JDA starts threads that would log stack traces.
 *
 * @param botId          the bot user's id
 * @param botName        the bot user's name
 * @param url            the gateway URL Discord gives
 * @param shards         the recommended shard count
 * @param remaining      sessions that may still be started before {@code resetAfter}
 * @param resetAfter     when the session start limit resets
 * @param maxConcurrency IDENTIFYs allowed per 5 seconds
 */
record GatewayBot(String botId, String botName, String url, int shards, int remaining, Duration resetAfter,
    int maxConcurrency) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static GatewayBot fetch(OkHttpClient http, DiscordSettings settings) throws DiscordUnavailable {
    JsonNode self = get(http, settings, "users/@me");
    JsonNode gateway = get(http, settings, "gateway/bot");
    JsonNode limit = gateway.path("session_start_limit");
    return new GatewayBot(self.path("id").asText(), self.path("username").asText(), gateway.path("url").asText(),
        Math.max(1, gateway.path("shards").asInt(1)), limit.path("remaining").asInt(Integer.MAX_VALUE),
        Duration.ofMillis(limit.path("reset_after").asLong(0)), Math.max(1, limit.path("max_concurrency").asInt(1)));
  }

  private static JsonNode get(OkHttpClient http, DiscordSettings settings, String path) throws DiscordUnavailable {
    Request request = new Request.Builder().url(settings.apiUrl() + path)
        .header("Authorization", "Bot " + settings.token())
        .header("User-Agent", "DiscordBot (https://github.com/paperboy, 0.1)")
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() == 401) {
        throw new DiscordUnavailable(settings, "refused the token (401 on GET /" + path + ")",
            "check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)", false);
      }
      if (!response.isSuccessful()) {
        throw new DiscordUnavailable(settings, "GET /" + path + " answered HTTP " + response.code(),
            "check discord.api-url (it must end in /api/v10/) and Discord's status page", true);
      }
      ResponseBody body = response.body();
      return JSON.readTree(body.string());
    } catch (IOException e) {
      throw new DiscordUnavailable(settings, "cannot reach " + settings.apiHost() + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
          "check the network, DNS and any proxy, and discord.api-url", true);
    }
  }
}
