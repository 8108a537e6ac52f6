package io.paperboy.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.console.ConsoleRenderer;
import io.paperboy.core.console.TerminalStyle;
import io.paperboy.core.message.Message;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The console on a terminal (JLine on an emulated xterm whose output is replayed through a VT100
 * emulator, so the assertions are about the screen a person sees) and on plain pipes.
 */
class ConsoleIoTest {

  /** A real command for the console to answer: {@code /echo TEXT}. */
  private static final Command ECHO = new Command() {
    private final CommandDefinition definition = CommandDefinition.of("echo", "Says it back",
        OptionDefinition.rest("text", "what to say", false));

    @Override
    public CommandDefinition definition() {
      return definition;
    }

    @Override
    public Message handle(CommandRequest request) {
      return Message.ephemeralText("echo: " + request.string("text").orElse(""));
    }
  };

  private final CommandService commands = new CommandService(new CommandRegistry(List.of(ECHO)));
  private final PipedOutputStream keys = new PipedOutputStream();
  private final TerminalScreen screen = new TerminalScreen(100, 40);
  private Terminal terminal;

  @AfterEach
  void close() throws IOException {
    commands.close();
    if (terminal != null) {
      terminal.close();
    }
  }

  private TerminalConsoleIo terminalConsole() throws IOException {
    // JLine's own line discipline (echo, Ctrl-C as SIGINT) on pipes, the same on every machine
    terminal = new ExternalTerminal("test", "xterm-256color", new PipedInputStream(keys, 4096), screen,
        StandardCharsets.UTF_8);
    terminal.setSize(new Size(screen.columns, screen.rows));
    return new TerminalConsoleIo(terminal, List.of("echo"), Optional.empty());
  }

  private void type(String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  @Test
  @DisplayName("on a terminal, a post and a log line print above the prompt while a line is typed; prompt and typed text stay at the bottom")
  void aboveThePrompt() throws Exception {
    // GIVEN the console serving on a terminal, someone halfway through typing a command
    TerminalConsoleIo io = terminalConsole();
    ConsoleChannel console = new ConsoleChannel(commands, new ConsoleRenderer(TerminalStyle.PLAIN), Clock.systemUTC(), io);
    CompletableFuture<Void> serving = CompletableFuture.runAsync(console::serve);
    screen.await("the prompt", s -> s.last().equals(">"));
    type("/ec");
    screen.await("the partly typed line", s -> s.last().equals("> /ec"));

    // WHEN the delivery worker prints a daily post and something logs a warning
    console.print(Message.builder().header("Daily Papers — 2024-06-07").text("**hello** from the post").build());
    LoggerFactory.getLogger("io.paperboy.test").warn("a log line");

    // THEN both are above the prompt, which is on the last line once, with the typed text and the cursor after it
    TerminalScreen.Shot shot = screen.await("the log line", s -> s.content().stream().anyMatch(l -> l.endsWith("a log line")));
    List<String> lines = shot.content();
    assertThat(lines.subList(lines.size() - 4, lines.size())).satisfiesExactly(
        l -> assertThat(l).isEqualTo("══ Daily Papers — 2024-06-07 ══"),
        l -> assertThat(l).isEqualTo("hello from the post"),
        l -> assertThat(l).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  io\\.paperboy\\.test - a log line"),
        l -> assertThat(l).isEqualTo("> /ec"));
    assertThat(lines).filteredOn(l -> l.startsWith(">")).containsExactly("> /ec");
    assertThat(shot.cursorRow()).as(shot.toString()).isEqualTo(lines.size() - 1);
    assertThat(shot.cursorColumn()).as(shot.toString()).isEqualTo("> /ec".length());

    // WHEN the line is finished, THEN the answer follows it and a fresh prompt comes back below
    type("ho hi\r");
    shot = screen.await("the answer and a new prompt", s -> s.last().equals(">")
        && s.content().contains("echo: hi"));
    lines = shot.content();
    assertThat(lines.subList(lines.size() - 3, lines.size())).containsExactly("> /echo hi", "echo: hi", ">");
    assertThat(lines.indexOf("══ Daily Papers — 2024-06-07 ══")).isLessThan(lines.indexOf("> /echo hi"));

    type("/quit\r");
    serving.get(30, TimeUnit.SECONDS);
    assertThat(console.quitRequested()).isTrue();
    io.close();
  }

  @Test
  @DisplayName("logback's console appender is swapped for the prompt while the terminal console is open, and back after")
  void logRouting() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isNotNull();
    TerminalConsoleIo io = terminalConsole();
    assertThat(root.getAppender("STDERR")).as("no log line writes to the terminal behind the prompt's back").isNull();
    assertThat(root.getAppender("STDERR-above-prompt")).isNotNull();
    io.close();
    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(root.getAppender("STDERR-above-prompt")).isNull();
  }

  @Test
  @DisplayName("on a terminal, Ctrl-C drops a partly typed line; Ctrl-C on an empty line, like Ctrl-D, stops the console")
  void interrupt() throws Exception {
    TerminalConsoleIo io = terminalConsole();
    ConsoleChannel console = new ConsoleChannel(commands, new ConsoleRenderer(TerminalStyle.PLAIN), Clock.systemUTC(), io);
    CompletableFuture<Void> serving = CompletableFuture.runAsync(console::serve);
    screen.await("the prompt", s -> s.last().equals(">"));
    type("/echo never");
    screen.await("the typed line", s -> s.last().equals("> /echo never"));
    type("\u0003");
    screen.await("a fresh prompt", s -> s.last().equals(">"));
    type("/echo after\r");
    screen.await("the next answer", s -> s.content().contains("echo: after"));
    assertThat(screen.shot().content()).doesNotContain("echo: never");
    assertThat(serving).isNotDone();

    type("\u0003");
    serving.get(30, TimeUnit.SECONDS);
    assertThat(console.quitRequested()).isTrue();
    io.close();
  }

  @Test
  @DisplayName("on a terminal, Ctrl-D stops the console")
  void endOfInput() throws Exception {
    TerminalConsoleIo io = terminalConsole();
    ConsoleChannel console = new ConsoleChannel(commands, new ConsoleRenderer(TerminalStyle.PLAIN), Clock.systemUTC(), io);
    CompletableFuture<Void> serving = CompletableFuture.runAsync(console::serve);
    screen.await("the prompt", s -> s.last().equals(">"));
    type("\u0004");
    serving.get(30, TimeUnit.SECONDS);
    assertThat(console.quitRequested()).isTrue();
    io.close();
  }

  @Test
  @DisplayName("on pipes: line by line, no prompt and no control code; the end of input is not a request to stop")
  void piped() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PipedConsoleIo io = new PipedConsoleIo(new BufferedReader(new StringReader("/echo a\n\necho b\n")),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    ConsoleChannel console = new ConsoleChannel(commands, new ConsoleRenderer(TerminalStyle.PLAIN), Clock.systemUTC(), io);

    console.serve();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("echo: a\necho: b\n");
    assertThat(console.quitRequested()).isFalse();
  }
}
