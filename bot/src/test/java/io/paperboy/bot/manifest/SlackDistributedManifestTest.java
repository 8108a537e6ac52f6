package io.paperboy.bot.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.paperboy.slack.SlackHttpServer;
import io.paperboy.slack.install.SlackDistribution;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The distributed app's manifest matches what Paperboy serves and asks for: the redirect URL is
 * {@code /slack/oauth_redirect}, every request URL {@code /slack/events}, the uninstall and
 * revocation events are subscribed, and the install page asks for exactly the manifest's scopes
 * (both manifests have the same ones).
 */
@DisplayName("config/slack-app-manifest-distributed.yml: redirect URL, events, HTTP mode, the scopes the install asks for")
class SlackDistributedManifestTest {

  private static final Path CONFIG =
      Path.of(System.getProperty("paperboy.projectSeeds", "../seeds")).resolveSibling("config");

  private static JsonNode read(String name) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CONFIG.resolve(name)));
  }

  private static List<String> scopes(JsonNode manifest) {
    List<String> scopes = new ArrayList<>();
    manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
    return scopes;
  }

  @Test
  @DisplayName("redirect URL, request URLs, events and settings of a distributed HTTP-mode app")
  void distributed() throws Exception {
    JsonNode manifest = read("slack-app-manifest-distributed.yml");

    List<String> redirects = new ArrayList<>();
    manifest.path("oauth_config").path("redirect_urls").forEach(u -> redirects.add(u.asText()));
    assertThat(redirects).singleElement()
        .satisfies(u -> assertThat(URI.create(u).getPath()).isEqualTo(SlackDistribution.REDIRECT_PATH));
    JsonNode settings = manifest.path("settings");
    assertThat(settings.path("socket_mode_enabled").asBoolean(true)).isFalse();
    assertThat(URI.create(settings.path("event_subscriptions").path("request_url").asText()).getPath())
        .isEqualTo(SlackHttpServer.EVENTS_PATH);
    List<String> events = new ArrayList<>();
    settings.path("event_subscriptions").path("bot_events").forEach(e -> events.add(e.asText()));
    assertThat(events).containsExactlyInAnyOrder("app_uninstalled", "tokens_revoked");
    for (JsonNode command : manifest.path("features").path("slash_commands")) {
      assertThat(URI.create(command.path("url").asText()).getPath()).as(command.path("command").asText())
          .isEqualTo(SlackHttpServer.EVENTS_PATH);
    }
    assertThat(manifest.path("features").path("slash_commands"))
        .hasSameSizeAs(read("slack-app-manifest.yml").path("features").path("slash_commands"));
  }

  @Test
  @DisplayName("the install page asks for the manifests' bot scopes, no more and no fewer")
  void scopesMatch() throws Exception {
    assertThat(scopes(read("slack-app-manifest-distributed.yml"))).containsExactlyElementsOf(SlackDistribution.BOT_SCOPES);
    assertThat(scopes(read("slack-app-manifest.yml"))).containsExactlyElementsOf(SlackDistribution.BOT_SCOPES);
  }
}
