package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("config/slack-app-manifest.yml is an app manifest Slack accepts")
class SlackManifestTest {

  @org.junit.jupiter.api.io.TempDir
  Path dir;

  @Test
  @DisplayName("commands, bot scopes and Socket Mode as the adapter needs them")
  void manifest() throws Exception {
    Path file = Path.of(System.getProperty("paperboy.projectSeeds", "../seeds")).resolveSibling("config")
        .resolve("slack-app-manifest.yml");
    JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));

    assertThat(manifest.path("_metadata").path("major_version").asInt()).isEqualTo(1);
    assertThat(manifest.path("display_information").path("name").asText()).isNotBlank().hasSizeLessThanOrEqualTo(35);
    assertThat(manifest.path("features").path("bot_user").path("display_name").asText()).isNotBlank();
    assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isTrue();

    List<String> commands = new ArrayList<>();
    for (JsonNode command : manifest.path("features").path("slash_commands")) {
      String name = command.path("command").asText();
      commands.add(name);
      // Slack: "/" + lower-case letters, digits, - and _, at most 32 characters; a description is required
      assertThat(name).matches("/[a-z0-9_-]{1,31}");
      assertThat(command.path("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(100);
      assertThat(command.path("usage_hint").asText()).hasSizeLessThanOrEqualTo(1000);
      // Socket Mode needs no request URL; HTTP-mode users add one (see the file's header)
      assertThat(command.has("url")).isFalse();
    }
    assertThat(commands).startsWith(SlackBot.UMBRELLA).contains("/paper", "/top", "/search").doesNotHaveDuplicates();
    // every command Paperboy registers has its slash command (/help is /paperboy help)
    try (io.paperboy.bot.Paperboy app = io.paperboy.bot.Paperboy.open(
        io.paperboy.bot.config.PaperboyConfig.defaults().withDatabase(dir.resolve("m.db").toString()),
        java.time.Clock.systemUTC())) {
      for (io.paperboy.core.command.CommandDefinition d : app.commands().definitions()) {
        if (!d.name().equals("help")) {
          assertThat(commands).as("manifest command for /" + d.name()).contains("/" + d.name());
          // the hint Slack shows is the definition's usage (CommandDocsTest prints or writes the fix)
          JsonNode entry = manifest.path("features").path("slash_commands").get(commands.indexOf("/" + d.name()));
          assertThat(entry.path("usage_hint").asText("")).as("usage_hint of /" + d.name()).isEqualTo(d.usageHint());
        }
      }
    }

    List<String> scopes = new ArrayList<>();
    manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
    assertThat(scopes).contains("commands", "chat:write", "users:read", "channels:history", "groups:history",
        "im:write", "im:history", "files:write");
  }
}
