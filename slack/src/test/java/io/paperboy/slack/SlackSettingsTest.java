package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SlackSettings: which secrets start which mode, and what is missing")
class SlackSettingsTest {

  @ParameterizedTest(name = "bot={0} app={1} secret={2} → {3}")
  @CsvSource(nullValues = "-", value = {
      "xoxb-1, xapp-1, -,      SOCKET, -",
      "xoxb-1, -,      secret, HTTP,   -",
      "xoxb-1, xapp-1, secret, SOCKET, -",
      "-,      -,      -,      -,      SLACK_BOT_TOKEN is not set (nor SLACK_APP_TOKEN for Socket Mode or SLACK_SIGNING_SECRET for HTTP mode)",
      "-,      xapp-1, -,      -,      SLACK_BOT_TOKEN is not set",
      "-,      -,      secret, -,      SLACK_BOT_TOKEN is not set",
      "xoxb-1, -,      -,      -,      SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is not set",
      "xapp-1, xoxb-1, -,      -,      SLACK_BOT_TOKEN holds an app-level token",
      "' ',    xapp-1, -,      -,      SLACK_BOT_TOKEN is not set",
  })
  void modes(String bot, String app, String secret, String mode, String missing) {
    Map<String, String> env = new HashMap<>();
    if (bot != null) {
      env.put("SLACK_BOT_TOKEN", bot);
    }
    if (app != null) {
      env.put("SLACK_APP_TOKEN", app);
    }
    if (secret != null) {
      env.put("SLACK_SIGNING_SECRET", secret);
    }

    SlackSettings settings = SlackSettings.fromEnvironment(env);

    assertThat(settings.mode().map(Enum::name).orElse(null)).isEqualTo(mode);
    if (missing == null) {
      assertThat(settings.missing()).isEmpty();
    } else {
      assertThat(settings.missing()).hasValueSatisfying(m -> assertThat(m).startsWith(missing));
    }
  }

  @Test
  @DisplayName("defaults: Slack's API, 0.0.0.0:3000; the API URL gets its trailing slash")
  void defaults() {
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of());
    assertThat(settings.apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
    assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
    assertThat(settings.httpPort()).isEqualTo(3000);
    SlackSettings proxied = SlackSettings.fromEnvironment(Map.of(), URI.create("http://127.0.0.1:8080/api"), "127.0.0.1",
        0, Map.of(), List.of());
    assertThat(proxied.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/api/"));
  }

  @Test
  @DisplayName("renamed commands, with or without slash; bad names and ports are refused with the key")
  void commandNames() {
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of(), SlackSettings.DEFAULT_API_URL, "0.0.0.0", 3000,
        Map.of("search", "/PaperSearch", "top"," best "), List.of());
    assertThat(settings.slashCommand("search")).isEqualTo("/papersearch");
    assertThat(settings.slashCommand("top")).isEqualTo("/best");
    assertThat(settings.slashCommand("paper")).isEqualTo("/paper");

    assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of(), SlackSettings.DEFAULT_API_URL, "0.0.0.0", 3000,
        Map.of("search", "paper search"), List.of()))
        .hasMessageContaining("slack.command-names").hasMessageContaining("paper search");
    assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of(), SlackSettings.DEFAULT_API_URL, "0.0.0.0", 70_000,
        Map.of(), List.of())).hasMessageContaining("slack.http-port");
    assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of(), URI.create("ftp://x/api/"), "0.0.0.0", 1,
        Map.of(), List.of())).hasMessageContaining("slack.api-url");
  }

  @Test
  @DisplayName("the allow-list names users everywhere or in one workspace only")
  void allowList() {
    SlackSettings settings = new SlackSettings(Optional.empty(), Optional.empty(), Optional.empty(),
        SlackSettings.DEFAULT_API_URL, "0.0.0.0", 3000, Map.of(), Set.of("U1", "T2:U2"));
    assertThat(settings.allowListed("T1", "U1")).isTrue();
    assertThat(settings.allowListed("T9", "U1")).isTrue();
    assertThat(settings.allowListed("T2", "U2")).isTrue();
    assertThat(settings.allowListed("T1", "U2")).isFalse();
  }

  @Test
  @DisplayName("toString never shows a secret")
  void noSecretsInToString() {
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-secret-1",
        "SLACK_APP_TOKEN", "xapp-secret-2", "SLACK_SIGNING_SECRET", "secret-3"));
    assertThat(settings.toString()).doesNotContain("secret-1").doesNotContain("secret-2").doesNotContain("secret-3")
        .contains("botToken=set");
  }
}
