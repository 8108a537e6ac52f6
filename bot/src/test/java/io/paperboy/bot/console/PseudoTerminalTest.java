package io.paperboy.bot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperboy.bot.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paperboy in a real pseudo-terminal, as a person starts it: {@code script} gives the child JVM a
 * pty for stdin and stdout, so the console's own detection decides (Java's {@code Console}, JLine's
 * system terminal), not a flag a test sets. The pty's output is replayed through a VT100 emulator.
 */
class PseudoTerminalTest {

  private static final Path SCRIPT = Path.of("/usr/bin/script");
  private static final String SEEDS = System.getProperty("paperboy.projectSeeds");
  private static final String BOLD = "\u001b[1m";

  @TempDir
  Path dir;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
  }

  /** Runs Paperboy with {@code args} on a 100×40 pty; its screen fills {@code screen}. */
  private Process paperboy(TerminalScreen screen, Map<String, String> env, String... args) throws IOException {
    assumeTrue(Files.isExecutable(SCRIPT), "needs util-linux script(1) for a pseudo-terminal");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder command = new StringBuilder("stty cols " + screen.columns + " rows " + screen.rows + "; exec ")
        .append(quote(java)).append(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp ")
        .append(quote(System.getProperty("java.class.path"))).append(' ').append(Main.class.getName());
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-qfec", command.toString(), "/dev/null")
        .redirectErrorStream(true);
    pb.environment().put("TERM", "xterm-256color");
    pb.environment().put("PAPERBOY_SEEDS", SEEDS);
    pb.environment().remove("NO_COLOR");
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    Thread pump = new Thread(() -> copy(p.getInputStream(), screen), "pty-output");
    pump.setDaemon(true);
    pump.start();
    return p;
  }

  private static void copy(InputStream in, OutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException e) {
      // the child is gone
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static void type(Process p, String keys) throws IOException {
    p.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
  }

  @Test
  @DisplayName("run on a terminal: a prompt at the bottom, the answer rendered and styled above a fresh prompt, /quit ends it")
  void runOnATerminal() throws Exception {
    TerminalScreen screen = new TerminalScreen(100, 40);
    Process p = paperboy(screen, Map.of(), "run", "--db", dir.resolve("p.db").toString());

    screen.await("the prompt under the start-up lines", s -> s.last().equals(">")
        && s.content().stream().anyMatch(l -> l.startsWith("Paperboy is running on")));
    type(p, "/paper 2406.04325\r");
    TerminalScreen.Shot shot = screen.await("the answer and a new prompt", s -> s.last().equals(">")
        && s.content().stream().anyMatch(l -> l.startsWith("Abstract: https://arxiv.org/abs/2406.04325")));

    List<String> lines = shot.content();
    assertThat(lines).contains("> /paper 2406.04325")
        .contains("ShareGPT4Video: Improving Video Understanding and Generation with Better Captions");
    assertThat(lines).anyMatch(l -> l.startsWith("   • ShareGPT4Video 시리즈는"));
    assertThat(lines).noneMatch(l -> l.contains("**") || l.contains("]("));
    assertThat(screen.raw()).as("a terminal without NO_COLOR gets a bold title")
        .contains(BOLD + "ShareGPT4Video: Improving");
    type(p, "/quit\r");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(screen.raw()).isZero();
  }

  @Test
  @DisplayName("ask on a terminal is styled; with NO_COLOR it is not")
  void askOnATerminal() throws Exception {
    String db = dir.resolve("p.db").toString();
    // ask reads an existing database only: create one first
    Process create = paperboy(new TerminalScreen(100, 40), Map.of(), "subscriptions", "add", "console", "local",
        "console", "--db", db);
    assertThat(create.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(create.exitValue()).isZero();
    TerminalScreen styled = new TerminalScreen(100, 40);
    Process p = paperboy(styled, Map.of(), "ask", "/subscribe time:09:00", "--db", db);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(styled.raw()).isZero();
    styled.await("the answer", s -> s.content().stream().anyMatch(l -> l.startsWith("Settings: weekdays at 09:00")));
    assertThat(styled.raw()).contains(BOLD + "Settings:");

    TerminalScreen plain = new TerminalScreen(100, 40);
    p = paperboy(plain, Map.of("NO_COLOR", "1"), "ask", "/subscribe time:09:00", "--db", db);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    plain.await("the answer", s -> s.content().stream().anyMatch(l -> l.startsWith("Settings: weekdays at 09:00")));
    assertThat(plain.raw()).doesNotContain("\u001b[");
  }
}
