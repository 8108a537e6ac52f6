package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("commands that only read never create a database: a missing one is an error naming the path")
class MissingDatabaseTest {

  @TempDir
  Path dir;

  private static final List<List<String>> READERS = List.of(
      List.of("export"), List.of("export", "--date", "2024-06-07"), List.of("ask", "/top week"),
      List.of("preview", "--platform", "slack"), List.of("subscriptions", "list"),
      List.of("subscriptions", "remove", "console", "local", "console"));

  @Test
  @DisplayName("export, ask, preview, subscriptions list/remove on a missing database: exit 1, the path and how to create it, nothing created")
  void nothingCreated() {
    Path folder = dir.resolve("nonexistent").resolve("dir");
    Path db = folder.resolve("x.db");
    for (List<String> command : READERS) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--db", db.toString()));
      Result r = Cli.run(args.toArray(String[]::new));
      assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(1);
      assertThat(r.err()).as(command.toString()).isEqualTo("paperboy: no database at `" + db + "`; create it with "
          + "`./paperboy run` (which stores the seeds) or `./paperboy ingest PATH…`, or point --db (or the config's "
          + "`database`) at an existing one\n");
      assertThat(r.out()).as(command.toString()).isEmpty();
      assertThat(db).as(command.toString()).doesNotExist();
      assertThat(folder).as(command + " creates no folder either").doesNotExist();
      assertThat(dir.resolve("nonexistent")).doesNotExist();
    }
  }

  @Test
  @DisplayName("the same from the config's database setting, before or after the subcommand")
  void fromConfig() throws IOException {
    Path db = dir.resolve("elsewhere").resolve("p.db");
    Path config = dir.resolve("c.yml");
    Files.writeString(config, "database: " + db + "\n");
    Result before = Cli.run("--config", config.toString(), "export");
    Result after = Cli.run("export", "--config", config.toString());
    assertThat(before.code()).isEqualTo(1);
    assertThat(before.err()).isEqualTo(after.err()).contains("no database at `" + db + "`");
    assertThat(dir.resolve("elsewhere")).doesNotExist();
  }

  @Test
  @DisplayName("a folder is not a database file")
  void folder() throws IOException {
    Result r = Cli.run("export", "--db", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("paperboy: `" + dir + "` is a folder, not a database file; point --db (or the "
        + "config's `database`) at the file\n");
  }

  @Test
  @DisplayName("commands that store create the database as before: ingest, subscriptions add, run; then the readers read it")
  void writersCreate() {
    Path db = dir.resolve("new").resolve("p.db");
    assertThat(Cli.run("ingest", Cli.SEEDS.toString(), "--db", db.toString()).code()).isZero();
    assertThat(db).exists();
    Path other = dir.resolve("other.db");
    Result add = Cli.run("subscriptions", "add", "console", "local", "console", "--db", other.toString());
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(other).exists();
    Path third = dir.resolve("third.db");
    assertThat(Cli.runWithInput("/quit\n", Map.of(), "run", "--db", third.toString()).code()).isZero();
    for (List<String> command : READERS) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--db", db.toString()));
      Result r = Cli.run(args.toArray(String[]::new));
      assertThat(r.err()).as(command.toString()).doesNotContain("no database");
    }
  }
}
