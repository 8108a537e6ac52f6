package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.cli.Cli.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("one exit-code rule for every command: 0 done, 1 not done, 2 bad input")
class ExitCodesTest {

  @TempDir
  Path dir;

  String db;

  @BeforeEach
  void seeds() {
    db = dir.resolve("p.db").toString();
    assertThat(Cli.run("ingest", Cli.SEEDS.toString(), "--db", db).code()).isZero();
  }

  private Result ask(String line) {
    return Cli.run("ask", line, "--db", db, "--now", "2024-06-07T12:00:00+09:00");
  }

  @Test
  @DisplayName("ask: a usage error is 2 whether the parser or the command found it; an answer is 0")
  void ask() {
    for (String bad : List.of("/paper nonsense", "/alert add (a OR", "/subscribe timezone:Mars/X", "/top 2024-13-45",
        "/top week banana", "/nosuchcommand", "/alert frobnicate", "/alert add agent to:me mention:<@9>")) {
      Result r = ask(bad);
      assertThat(r.code()).as(bad + " → " + r.out()).isEqualTo(2);
      assertThat(r.out()).as(bad).contains("Usage: `/");
    }
    for (String fine : List.of("/paper 2406.04325", "/paper 2406.99999", "/search nothingmatchesthis", "/top today",
        "/help", "/alert list", "/subscriptions", "/unsubscribe")) {
      Result r = ask(fine);
      assertThat(r.code()).as(fine + " → " + r.out()).isZero();
      assertThat(r.out()).as(fine).doesNotContain("Usage:");
    }
  }

  record Case(int code, List<String> args) {}

  private static Case c(int code, String... args) {
    return new Case(code, List.of(args));
  }

  @Test
  @DisplayName("each command: 0 when done, 1 when not done though well-formed, 2 on bad input")
  void everyCommand() throws java.io.IOException {
    Path refused = dir.resolve("refused.md");
    java.nio.file.Files.writeString(refused, "### [A paper without a date heading](https://arxiv.org/abs/2406.00001)\n");
    String missing = dir.resolve("missing.db").toString();
    List<Case> cases = List.of(
        c(0, "ingest", Cli.SEEDS.toString(), "--db", db), c(2, "ingest", refused.toString(), "--db", db),
        c(2, "ingest", dir.resolve("no-such.md").toString(), "--db", db), c(2, "ingest", "--db", db),
        c(0, "export", "--db", db), c(0, "export", "--date", "2020-01-01", "--db", db),
        c(1, "export", "--db", missing), c(2, "export", "--date", "2020-01-32", "--db", db),
        c(0, "ask", "/paper 2406.04325", "--db", db), c(1, "ask", "/paper 2406.04325", "--db", missing),
        c(2, "ask", "/paper nonsense", "--db", db),
        c(0, "preview", "--platform", "slack", "--db", db), c(1, "preview", "--platform", "slack", "--date", "2020-01-01",
            "--db", db), c(1, "preview", "--platform", "slack", "--db", missing),
        c(2, "preview", "--platform", "teams", "--db", db), c(2, "preview", "--db", db),
        c(0, "subscriptions", "add", "console", "local", "console", "--db", db),
        c(2, "subscriptions", "add", "console", "local", "console", "--time", "25:00", "--db", db),
        c(0, "subscriptions", "list", "--db", db), c(1, "subscriptions", "list", "--db", missing),
        c(2, "subscriptions", "list", "--workspace", "local", "--db", db),
        c(0, "subscriptions", "remove", "console", "local", "console", "--db", db),
        c(1, "subscriptions", "remove", "console", "local", "console", "--db", db),
        c(2, "subscriptions", "remove", "teams", "local", "console", "--db", db),
        c(2, "subscriptions", "--db", db), c(2, "nosuchcommand"), c(2, "--nosuchoption"),
        c(2, "run", "--now", "whenever", "--db", db));
    for (Case k : cases) {
      Result r = Cli.run(k.args().toArray(String[]::new));
      assertThat(r.code()).as(k.args() + "\n" + r.err()).isEqualTo(k.code());
      if (k.code() != 0) {
        // ask answers as the console shows it, usage errors included, on stdout; the others say why on stderr
        assertThat(k.args().get(0).equals("ask") && k.code() == 2 ? r.out() : r.err()).as(k.args() + " says why")
            .isNotBlank();
      }
    }
    // run: 0 when the console is left with /quit; 2 on a bad configuration value
    assertThat(Cli.runWithInput("/quit\n", java.util.Map.of(), "run", "--db", db).code()).isZero();
    assertThat(Cli.runWithInput("/quit\n", java.util.Map.of("PAPERBOY_TIMEZONE", "Mars/X"), "run", "--db", db).code())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("every command's --help states the rule")
  void help() {
    for (List<String> command : List.<List<String>>of(List.of(), List.of("run"), List.of("ingest"), List.of("export"),
        List.of("ask"), List.of("preview"), List.of("subscriptions"), List.of("subscriptions", "list"),
        List.of("subscriptions", "add"), List.of("subscriptions", "remove"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.add("--help");
      Result r = Cli.run(args.toArray(String[]::new));
      assertThat(r.code()).as(command.toString()).isZero();
      assertThat(r.out()).as(command.toString()).contains("Exit codes:")
          .containsPattern("\\n\\s+0\\s+done: ").containsPattern("\\n\\s+1\\s+not done, ")
          .containsPattern("\\n\\s+2\\s+bad input: ");
    }
  }
}
