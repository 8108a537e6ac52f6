package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DiscordSettings")
class DiscordSettingsTest {

  @Test
  @DisplayName("no DISCORD_TOKEN means no Discord adapter")
  void absent() {
    assertThat(DiscordSettings.fromEnvironment(Map.of(), Optional.empty(), Optional.empty())).isEmpty();
    assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "  "), Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  @DisplayName("defaults are Discord's own endpoints, as JDA knows them")
  void defaults() {
    DiscordSettings s = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "abc"), Optional.empty(), Optional.empty())
        .orElseThrow();
    assertThat(s.token()).isEqualTo("abc");
    assertThat(s.apiUrl()).isEqualTo("https://discord.com/api/v10/");
    assertThat(s.gatewayUrl()).isEqualTo("wss://gateway.discord.gg/");
  }

  @Test
  @DisplayName("custom URLs are taken, the REST base normalised to end in /")
  void custom() {
    DiscordSettings s = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "abc"),
        Optional.of("http://127.0.0.1:8080/api/v10"), Optional.of("ws://127.0.0.1:8080/ws")).orElseThrow();
    assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:8080/api/v10/");
    assertThat(s.gatewayUrl()).isEqualTo("ws://127.0.0.1:8080/ws");
  }

  @Test
  @DisplayName("a wrong scheme is refused, naming the setting")
  void badUrls() {
    assertThatThrownBy(() -> new DiscordSettings("t", "ws://x/api", DiscordSettings.DEFAULT_GATEWAY_URL))
        .hasMessageContaining("discord.api-url");
    assertThatThrownBy(() -> new DiscordSettings("t", DiscordSettings.DEFAULT_API_URL, "https://gateway"))
        .hasMessageContaining("discord.gateway-url");
  }

  @Test
  @DisplayName("toString never shows the token")
  void hidesToken() {
    assertThat(DiscordSettings.of("super-secret-token").toString()).doesNotContain("super-secret");
  }
}
