package io.paperboy.bot.console;

import io.paperboy.core.command.Answered;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.Outcome;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.console.ConsoleRenderer;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers commands typed as lines ({@code /paper 2406.04325}, or without the slash) until the end
 * of input or {@code quit}: parses the line and waits for the {@link CommandService}'s answer (the
 * console has no acknowledgement to send, so it needs no budget). Answers and daily posts print
 * through the {@link ConsoleIo}, which keeps them from interleaving and, on a terminal, keeps them
 * above the prompt.
 */
public final class ConsoleChannel {

  private static final Set<String> QUIT = Set.of("quit", "exit", "/quit", "/exit");

  private final CommandService commands;
  private final ConsoleRenderer renderer;
  private final Clock clock;
  private final ConsoleIo io;
  private volatile boolean quitRequested;

  public ConsoleChannel(CommandService commands, ConsoleRenderer renderer, Clock clock, ConsoleIo io) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.io = Objects.requireNonNull(io, "io");
  }

  /** Whether the person at the console asked to stop (rather than the input just ending). */
  public boolean quitRequested() {
    return quitRequested;
  }

  /** The answer to one line, and how it ended (for {@code paperboy ask}'s exit code). */
  public record Answer(Message message, Outcome outcome) {

    public boolean usageError() {
      return outcome == Outcome.USAGE_ERROR;
    }
  }

  /** Answers one command line. */
  public Answer answer(String line) {
    String text = line.strip();
    if (text.startsWith("/")) {
      text = text.substring(1);
    }
    int space = text.indexOf(' ');
    String name = space < 0 ? text : text.substring(0, space);
    String args = space < 0 ? "" : text.substring(space + 1);
    try {
      ParsedCommand parsed = commands.parse(name, args);
      CommandRequest request = new CommandRequest(parsed.command(), parsed.subcommand(), parsed.options(),
          Caller.console(), ChannelRef.console(), clock.instant());
      Answered answered = commands.answerHere(request);
      return new Answer(answered.message(), answered.outcome());
    } catch (UsageException e) {
      return new Answer(CommandService.usage(e), Outcome.USAGE_ERROR);
    }
  }

  /** Prints a message as the console shows it. */
  public void print(Message message) {
    io.print(renderer.render(message));
  }

  /**
   * Prints {@code text} as it is (a status line); a line without its newline gets one.
   */
  public void printLine(String text) {
    io.print(text.endsWith("\n") ? text : text + "\n");
  }

  /** Reads commands until the end of input or {@code quit}/{@code exit}. */
  public void serve() {
    Optional<String> line;
    while ((line = io.readLine()).isPresent()) {
      String t = line.get().strip();
      if (QUIT.contains(t)) {
        quitRequested = true;
        return;
      }
      if (!t.isEmpty()) {
        print(answer(t).message());
      }
    }
    // at a terminal the end of input is Ctrl-D: the person asked to stop
    quitRequested = io.interactive();
  }
}
