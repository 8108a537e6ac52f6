package io.paperboy.bot.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.paperboy.bot.Paperboy;
import io.paperboy.bot.commands.CommandDocs;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage lines of {@code /help}, the README's command table and the Slack manifest's
 * {@code usage_hint}s are all drawn from the command definitions, and agree. When the README or the
 * manifest is stale the test fails and prints what they should say; run it with
 * {@code -Dpaperboy.writeDocs=true} to write that into both files.
 */
@DisplayName("one command definition, one usage: /help, README and Slack manifest agree")
public class CommandDocsTest {

  static final Path PROJECT = Path.of(System.getProperty("paperboy.projectSeeds", "../seeds")).getParent();
  static final Path README = PROJECT.resolve("README.md");
  static final Path MANIFEST = PROJECT.resolve("config").resolve("slack-app-manifest.yml");
  private static final boolean WRITE = Boolean.getBoolean("paperboy.writeDocs");

  @TempDir
  Path dir;

  private Paperboy app;
  private List<CommandDefinition> definitions;

  @BeforeEach
  void open() {
    app = Paperboy.open(PaperboyConfig.defaults().withDatabase(dir.resolve("d.db").toString()), Clock.systemUTC());
    definitions = app.commands().definitions();
  }

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  @DisplayName("the README's command table is the one the definitions generate")
  void readmeIsCurrent() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String expected = CommandDocs.readmeTable(definitions);
    int begin = readme.indexOf(CommandDocs.README_BEGIN);
    int end = readme.indexOf(CommandDocs.README_END);
    assertThat(begin).as("README.md has the markers " + CommandDocs.README_BEGIN + " … " + CommandDocs.README_END)
        .isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String actual = readme.substring(begin, end + CommandDocs.README_END.length());
    if (WRITE && !actual.equals(expected)) {
      Files.writeString(README, readme.substring(0, begin) + expected + readme.substring(end + CommandDocs.README_END.length()),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual).as("README.md's command table is stale; it should read (or run this test with "
        + "-Dpaperboy.writeDocs=true):%n%s%n", expected).isEqualTo(expected);
  }

  @Test
  @DisplayName("the Slack manifest's usage hints are the definitions' usage")
  void manifestIsCurrent() throws IOException {
    String manifest = Files.readString(MANIFEST, StandardCharsets.UTF_8);
    String updated = manifest;
    List<String> stale = new ArrayList<>();
    for (CommandDefinition d : definitions) {
      Pattern block = Pattern.compile("(?m)^(    - command: /" + d.name() + "\\n(?:      (?!usage_hint:).*\\n)*?)"
          + "(      usage_hint: .*\\n)?(?=(?:      (?!usage_hint:).*\\n)*(?:    - |\\S|\\z))");
      Matcher m = block.matcher(updated);
      if (!m.find()) {
        continue; // /help is /paperboy help in Slack; SlackManifestTest checks every other command is there
      }
      String want = d.usageHint().isEmpty() ? "" : "      usage_hint: " + yamlString(d.usageHint()) + "\n";
      String have = m.group(2) == null ? "" : m.group(2);
      if (!have.equals(want)) {
        stale.add("/" + d.name() + ": " + (want.isEmpty() ? "(no usage_hint)" : want.strip()));
        updated = updated.substring(0, m.start()) + insertHint(m.group(1), want) + updated.substring(m.end());
      }
    }
    if (WRITE && !stale.isEmpty()) {
      Files.writeString(MANIFEST, updated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(stale).as("config/slack-app-manifest.yml has stale usage hints; they should be "
        + "(or run this test with -Dpaperboy.writeDocs=true)").isEmpty();
  }

  /** The hint goes after the description line, where Slack's own examples put it. */
  private static String insertHint(String commandBlock, String hintLine) {
    String[] lines = commandBlock.split("(?<=\\n)");
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line);
      if (line.startsWith("      description: ")) {
        sb.append(hintLine);
      }
    }
    return sb.toString();
  }

  private static String yamlString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  @DisplayName("/help, the README table and the manifest show the same usage lines")
  void allThreeAgree() throws IOException {
    List<String> fromDefinitions = CommandDocs.lines(definitions).stream().map(CommandDocs.UsageLine::usage).toList();

    Message help = app.commands().execute(new CommandRequest("help", Optional.empty(), Map.of(), Caller.console(),
        ChannelRef.console(), Instant.now())).toCompletableFuture().join();
    String helpText = help.blocks().stream().filter(b -> b instanceof Block.Text).map(b -> ((Block.Text) b).markdown())
        .findFirst().orElseThrow();
    List<String> fromHelp = matches(Pattern.compile("(?m)^- `([^`]+)` — "), helpText);

    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf(CommandDocs.README_BEGIN), readme.indexOf(CommandDocs.README_END));
    List<String> fromReadme = matches(Pattern.compile("(?m)^\\| `([^`]+)` \\|"), table).stream()
        .map(u -> u.replace("\\|", "|")).toList();

    List<String> fromManifest = new ArrayList<>();
    JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
    for (JsonNode command : manifest.path("features").path("slash_commands")) {
      String slash = command.path("command").asText();
      if (slash.equals("/paperboy")) {
        continue;
      }
      String hint = command.path("usage_hint").asText("");
      CommandDefinition d = definitions.stream().filter(def -> ("/" + def.name()).equals(slash)).findFirst().orElseThrow();
      if (d.subcommands().isEmpty()) {
        fromManifest.add(hint.isEmpty() ? slash : slash + " " + hint);
      } else {
        for (String part : hint.split(" \\| (?=(?:" + String.join("|", d.subcommands().stream().map(CommandDefinition::name).toList()) + ")\\b)")) {
          fromManifest.add(slash + " " + part);
        }
      }
    }

    assertThat(fromHelp).isEqualTo(fromDefinitions);
    assertThat(fromReadme).isEqualTo(fromDefinitions);
    // /help is /paperboy help in Slack, so the manifest has every line but that one (in its own order)
    assertThat(fromManifest).containsExactlyInAnyOrderElementsOf(
        fromDefinitions.stream().filter(u -> !u.equals("/help")).toList());
    // and they are the real syntax: what /help shows for /subscribe is what people type
    assertThat(fromDefinitions).contains("/paper <ID|URL>",
        "/subscribe [time:HH:MM] [timezone:ZONE] [days:weekdays|daily|weekends|mon,wed,…] [top:N] [min_votes:V] "
            + "[style:digest|threads] [no_digest_note:yes|no] [cadence:daily|weekly] [day:mon|tue|…|sun]");
  }

  private static List<String> matches(Pattern p, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
