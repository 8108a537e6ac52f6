package io.paperboy.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir
  Path dir;

  private final ConfigLoader loader = new ConfigLoader();

  private Path yaml(String text) throws IOException {
    Path f = dir.resolve("paperboy.yml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  @DisplayName("no file and no environment: every default")
  void defaults() {
    PaperboyConfig c = loader.load(Optional.empty(), Map.of("HOME", "/root"));
    assertThat(c).isEqualTo(PaperboyConfig.defaults());
    assertThat(c.database()).isEqualTo("data/paperboy.db");
    assertThat(c.zone().getId()).isEqualTo("Asia/Seoul");
    assertThat(c.discord().apiUrl()).isEqualTo("https://discord.com/api/v10/");
    assertThat(c.slack().httpPort()).isEqualTo(3000);
  }

  @Test
  @DisplayName("the example config in config/ loads and equals the defaults it documents")
  void exampleConfig() {
    Path example = Path.of(System.getProperty("paperboy.projectSeeds")).getParent()
        .resolve("config/paperboy.example.yml");
    assertThat(loader.load(Optional.of(example), Map.of())).isEqualTo(PaperboyConfig.defaults());
  }

  @Test
  @DisplayName("the environment overrides the file; lists and maps have a string form")
  void environmentOverrides() throws IOException {
    Path f = yaml("timezone: UTC\nslack:\n  http-port: 4000\n");
    PaperboyConfig c = loader.load(Optional.of(f), Map.of(
        "PAPERBOY_SLACK_HTTP_PORT", "5000",
        "PAPERBOY_SEEDS", "seeds, data/inbox",
        "PAPERBOY_SLACK_COMMAND_NAMES", "search=papersearch",
        "PAPERBOY_DISCORD_API_URL", "http://127.0.0.1:9999/api/v10/",
        "PAPERBOY_LOG_LEVEL", "DEBUG"));
    assertThat(c.zone().getId()).isEqualTo("UTC");
    assertThat(c.slack().httpPort()).isEqualTo(5000);
    assertThat(c.seeds()).isEqualTo(List.of("seeds", "data/inbox"));
    assertThat(c.slack().commandNames()).isEqualTo(Map.of("search", "papersearch"));
    assertThat(c.discord().apiUrl()).isEqualTo("http://127.0.0.1:9999/api/v10/");
  }

  @Test
  @DisplayName("an unknown key in the file names the key, the file and the keys that exist")
  void unknownFileKey() throws IOException {
    Path f = yaml("discord:\n  apiurl: http://x\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("unknown key `discord.apiurl`")
        .hasMessageContaining("known here: discord.api-url, discord.gateway-url");
  }

  @Test
  @DisplayName("an unknown PAPERBOY_ variable is named as such")
  void unknownVariable() {
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_TIMEZONEE", "UTC")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("environment variable PAPERBOY_TIMEZONEE: no such setting");
  }

  @Test
  @DisplayName("a bad value names the key and where it came from")
  void badValues() throws IOException {
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_SLACK_HTTP_PORT", "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("environment variable PAPERBOY_SLACK_HTTP_PORT: slack.http-port: `abc` is not a whole number");
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_SLACK_HTTP_PORT", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("environment variable PAPERBOY_SLACK_HTTP_PORT: slack.http-port: 70000 is not a TCP port (0-65535)");
    Path f = yaml("timezone: Mars/Olympus\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(f + ": timezone: `Mars/Olympus` is not an IANA time zone (e.g. Asia/Seoul, UTC)");
    Path g = yaml("discord:\n  gateway-url: https://not-a-websocket\n");
    assertThatThrownBy(() -> loader.load(Optional.of(g), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(g + ": discord.gateway-url: `https://not-a-websocket` is not a ws/wss URL");
  }

  @Test
  @DisplayName("a value of the wrong kind is said in plain words, never with Java type names, and never rounded")
  void wrongKinds() throws IOException {
    Map<String, String> cases = Map.of(
        "slack:\n  http-port: abc\n", "slack.http-port: `abc` is not a whole number",
        "alerts:\n  max-per-user: 1.5\n", "alerts.max-per-user: ",
        "delivery:\n  parallelism: [1, 2]\n", "delivery.parallelism: expected a whole number, not a list",
        "delivery:\n  subscribe-console: maybe\n", "delivery.subscribe-console: `maybe` is not true or false",
        "seeds: {a: 1}\n", "seeds: expected a single value, not a mapping");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path f = yaml(c.getKey());
      assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of())).as(c.getKey())
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(f + ": " + c.getValue())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.", "JsonToken", "Cannot deserialize"));
    }
  }

  @Test
  @DisplayName("Slack manager ids are checked for their shape, with an example of a valid one")
  void managerIds() throws IOException {
    assertThat(loader.load(Optional.empty(), Map.of("PAPERBOY_SLACK_MANAGERS", "U0123ABCD,W0123ABCDEF")).slack().managers())
        .containsExactly("U0123ABCD", "W0123ABCDEF");
    Path f = yaml("slack:\n  managers: [ana]\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(f + ": slack.managers: `ana` is not a Slack user id: U or W, then 8 or more uppercase letters and "
            + "digits, e.g. U012AB3CD4E (their profile → ⋮ → Copy member ID)");
  }

  @Test
  @DisplayName("a missing or malformed file is an error, not silently the defaults")
  void badFiles() throws IOException {
    assertThatThrownBy(() -> loader.load(Optional.of(dir.resolve("nope.yml")), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("config file not found");
    Path f = yaml("timezone: [unclosed\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
  }

  @Test
  @DisplayName("every key has its environment variable")
  void variables() {
    assertThat(loader.keys()).contains("database", "timezone", "seeds", "discord.api-url", "slack.http-port");
    assertThat(ConfigLoader.environmentVariable("discord.gateway-url")).isEqualTo("PAPERBOY_DISCORD_GATEWAY_URL");
  }
}
