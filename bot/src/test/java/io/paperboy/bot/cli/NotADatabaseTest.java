package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.cli.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a --db that is not a Paperboy/SQLite database: one line naming it, exit 1, no stack trace, file unchanged")
class NotADatabaseTest {

  @TempDir
  Path dir;

  private static final List<List<String>> COMMANDS = List.of(List.of("ask", "/paper 2406.04325"), List.of("export"),
      List.of("preview", "--platform", "slack"), List.of("subscriptions", "list"), List.of("ingest", Cli.SEEDS.toString()));

  @Test
  @DisplayName("a text file, for readers and writers alike")
  void textFile() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.writeString(file, "shopping: milk, eggs\n");
    for (List<String> command : COMMANDS) {
      Result r = run(command, file);
      assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(1);
      assertThat(r.err()).as(command.toString()).isEqualTo("paperboy: " + file.toAbsolutePath()
          + " is not a Paperboy/SQLite database (it does not begin with SQLite's file header); nothing was changed\n");
      assertThat(r.out()).as(command.toString()).isEmpty();
      assertThat(Files.readString(file)).isEqualTo("shopping: milk, eggs\n");
    }
    assertThat(Cli.runWithInput("/quit\n", Map.of(), "run", "--db", file.toString()).err())
        .startsWith("paperboy: " + file.toAbsolutePath() + " is not a Paperboy/SQLite database").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("another program's SQLite database (tables, no Paperboy history)")
  void otherProgramsDatabase() throws Exception {
    Path file = dir.resolve("shop.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE orders (id INTEGER)");
    }
    byte[] before = Files.readAllBytes(file);
    Result r = run(List.of("ask", "/top"), file);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("paperboy: " + file.toAbsolutePath() + " is not a Paperboy/SQLite database: it holds "
        + "tables (orders) but no Paperboy schema history; nothing was changed\n");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  private static Result run(List<String> command, Path db) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--db", db.toString()));
    return Cli.run(args.toArray(String[]::new));
  }
}
