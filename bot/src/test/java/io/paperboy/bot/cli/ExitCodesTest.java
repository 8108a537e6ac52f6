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
