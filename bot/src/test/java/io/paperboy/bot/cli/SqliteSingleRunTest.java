package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite is one process's database, and {@code run} says so: real child JVMs on one file, the
 * second {@code run} refused with the file and the first one's pid, the read-only commands still
 * answering beside it, and the lock gone the moment its holder is SIGKILLed.
 */
@DisplayName("A second `paperboy run` on the same SQLite file is refused, naming the file and the other process")
class SqliteSingleRunTest {

  @TempDir
  Path dir;

  @Test
  void secondRunRefusedReadersStillAnswerAndAKilledHolderFreesTheFile() throws Exception {
    Path db = dir.resolve("paperboy.db");

    // GIVEN a running instance (its console waits on a stdin that stays open)
    Process first = start(db);
    try {
      String banner = awaitLine(first, "Paperboy is running on");
      assertThat(banner).contains(db.toString());

      // WHEN a second one starts on the same file
      Process second = start(db);
      second.getOutputStream().close();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

      // THEN it is refused: non-zero, naming the file and the holder's pid
      assertThat(second.exitValue()).as(err).isEqualTo(ExitCodes.NOT_DONE);
      assertThat(err).contains("another `paperboy run` is using `" + db + "`")
          .contains("process " + first.pid() + "@")
          .contains(db + ".lock");
      assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .doesNotContain("Paperboy is running on");

      // AND the read-only commands answer beside the running instance (own process each)
      assertThat(runToEnd(db, "ask", "/paper 2406.04325").out()).contains("2406.04325");
      assertThat(runToEnd(db, "export", "--date", "2024-06-07").out()).contains("\"date\":\"2024-06-07\"");
      Result subs = runToEnd(db, "subscriptions", "list");
      assertThat(subs.code()).as(subs.err()).isZero();
      assertThat(subs.out()).contains("console");
      Result preview = runToEnd(db, "preview", "--platform", "slack", "--date", "2024-06-07");
      assertThat(preview.code()).as(preview.err()).isZero();
      assertThat(preview.out()).startsWith("[");
    } finally {
      first.destroyForcibly().waitFor();
    }

    // WHEN the holder dies by SIGKILL (no shutdown hook ran), THEN the file is free at once
    Process third = start(db);
    try {
      assertThat(awaitLine(third, "Paperboy is running on")).contains(db.toString());
    } finally {
      third.getOutputStream().close();
      assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(third.exitValue()).isZero();
  }

  record Result(int code, String out, String err) {}

  private static List<String> command(Path db, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--db", db.toString()));
    return command;
  }

  private ProcessBuilder builder(List<String> command) {
    // in the temporary folder, so the default sources (folder:data/inbox) resolve there
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("PAPERBOY_SEEDS", Cli.SEEDS.toString());
    return pb;
  }

  private Process start(Path db) throws IOException {
    return builder(command(db, "run")).redirectError(ProcessBuilder.Redirect.PIPE).start();
  }

  private Result runToEnd(Path db, String... args) throws Exception {
    Process p = builder(command(db, args)).start();
    p.getOutputStream().close();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
    String out = drain(p.getInputStream());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err.get());
  }

  private static String drain(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads the child's stdout until a line containing {@code marker}; its stderr is drained aside. */
  private static String awaitLine(Process p, String marker) throws IOException {
    StringBuilder errors = new StringBuilder();
    Thread errDrain = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          synchronized (errors) {
            errors.append(line).append('\n');
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    errDrain.setDaemon(true);
    errDrain.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      if (line.contains(marker)) {
        return line;
      }
    }
    synchronized (errors) {
      throw new AssertionError("the child ended before printing `" + marker + "`; stderr:\n" + errors);
    }
  }
}
