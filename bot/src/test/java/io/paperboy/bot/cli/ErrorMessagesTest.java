package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors speak the console's words and quote values one way (backticks) wherever they come from:
 * the command line, the configuration, a command. None names a Java type.
 */
@DisplayName("error messages: one clear line, values in backticks, no Java type names")
class ErrorMessagesTest {

  @TempDir
  Path dir;

  String db;

  @BeforeEach
  void seeds() {
    db = dir.resolve("p.db").toString();
    assertThat(Cli.run("ingest", Cli.SEEDS.toString(), "--db", db).code()).isZero();
  }

  /** What every message must look like: no Java type, no '…'-quoted value. */
  private static void plain(String message) {
    assertThat(message).doesNotContain("java.", "class ", "Exception", "JsonToken")
        .doesNotContainPattern("'[^' ]+'");
  }

  @Test
  @DisplayName("command-line values: the option, the value in backticks, what it should be; the synopsis; exit 2")
  void commandLine() {
    Map<List<String>, String> cases = Map.of(
        List.of("export", "--date", "2025-13-01"), "paperboy export: --date: `2025-13-01` is not a real date.",
        List.of("export", "--date", "tomorrow"), "paperboy export: --date: `tomorrow` is not a date as YYYY-MM-DD.",
        List.of("ask", "/top", "--now", "soon"), "paperboy ask: --now: `soon` is neither a date (2024-06-07) nor an instant",
        List.of("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--top", "five"),
        "paperboy subscriptions add: --top: `five` is not a whole number.",
        List.of("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--timezone", "Mars/X"),
        "paperboy subscriptions add: --timezone: `Mars/X` is not an IANA time zone",
        List.of("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--no-digest-note=maybe"),
        "paperboy subscriptions add: --no-digest-note: `maybe` is not yes or no.",
        List.of("preview", "--platform", "teams"), "paperboy preview: --platform: `teams` is not a platform",
        List.of("export", "--bogus"), "paperboy export: unknown option `--bogus`.",
        List.of("exprot"), "paperboy: `exprot` is not a command (");
    for (Map.Entry<List<String>, String> c : cases.entrySet()) {
      List<String> args = new java.util.ArrayList<>(c.getKey());
      args.addAll(List.of("--db", db));
      Result r = Cli.run(args.toArray(String[]::new));
      assertThat(r.code()).as(c.getKey() + ": " + r.err()).isEqualTo(2);
      List<String> lines = r.err().lines().toList();
      assertThat(lines.get(0)).as(c.getKey().toString()).startsWith(c.getValue());
      plain(lines.get(0));
      // then the usage hint: the synopsis and where the whole help is, not the whole help page
      assertThat(r.err()).as(c.getKey().toString()).contains("Usage: paperboy").contains("--help` explains every option.")
          .doesNotContain("Exit codes:");
    }
    // a valid date is still a date
    assertThat(Cli.run("export", "--date", "2024-06-07", "--db", db).code()).isZero();
  }

  @Test
  @DisplayName("configuration values: the file, the key, the value in backticks")
  void configuration() throws IOException {
    Map<String, String> cases = Map.of(
        "timezone: Nowhere/Land\n", ": timezone: `Nowhere/Land` is not an IANA time zone",
        "delivery:\n  catch-up-window: a day\n", ": delivery.catch-up-window: `a day` is not a duration",
        "delivery:\n  days: someday\n", ": delivery.days: `someday` is not a day",
        "slack:\n  http-port: abc\n", ": slack.http-port: `abc` is not a whole number",
        "colour: blue\n", ": unknown key `colour`");
    int i = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path config = dir.resolve("c" + i++ + ".yml");
      Files.writeString(config, c.getKey());
      Result r = Cli.run("export", "--config", config.toString(), "--db", db);
      assertThat(r.code()).as(c.getKey()).isEqualTo(2);
      assertThat(r.err()).as(c.getKey()).startsWith("paperboy: " + config + c.getValue());
      plain(r.err().lines().findFirst().orElseThrow().replace(config.toString(), "FILE"));
    }
  }

  @Test
  @DisplayName("command arguments: the same words and quotes in ask as on every platform")
  void commands() {
    Map<String, String> cases = Map.of(
        "/top 2024-13-45", "`2024-13-45` is not a real date.",
        "/subscribe timezone:Mars/X", "timezone: `Mars/X` is not an IANA time zone",
        "/subscribe days:funday", "days: `funday` is not a day",
        "/subscribe time:25:99", "time: `25:99` is not a time of day",
        "/paper nonsense", "`nonsense` is not an arXiv id or URL",
        "/top fortnight", "`period` must be today, yesterday, week, month or a date as YYYY-MM-DD, not `fortnight`.");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Result r = Cli.run("ask", c.getKey(), "--db", db);
      assertThat(r.code()).as(c.getKey()).isEqualTo(2);
      String first = r.out().lines().findFirst().orElseThrow();
      assertThat(first).as(c.getKey()).startsWith(c.getValue());
      plain(first);
    }
  }
}
