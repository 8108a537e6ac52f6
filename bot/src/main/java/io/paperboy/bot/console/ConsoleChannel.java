package io.paperboy.bot.console;

import io.paperboy.core.console.ConsoleRenderer;

import io.paperboy.core.command.Answered;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.Outcome;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;

/**
 * Answers commands typed as lines ({@code /paper 2406.04325}, or without the slash) until end of
 * input or {@code quit}: parses the line and waits for the {@link CommandService}'s answer (the
 * console has no acknowledgement to send, so it needs no budget). Output is synchronised on the stream so that a daily post printed by the
 * delivery worker never interleaves with an answer.
 */
public final class ConsoleChannel {

  private final CommandService commands;
  private final ConsoleRenderer renderer;
  private final Clock clock;
  private final PrintStream out;

  public ConsoleChannel(CommandService commands, ConsoleRenderer renderer, Clock clock, PrintStream out) {
    this.commands = commands;
    this.renderer = renderer;
    this.clock = clock;
    this.out = out;
  }

  private volatile boolean quitRequested;

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
      Answered answered = commands.answer(request).toCompletableFuture().join();
      return new Answer(answered.message(), answered.outcome());
    } catch (UsageException e) {
      return new Answer(CommandService.usage(e), Outcome.USAGE_ERROR);
    }
  }

  /** Prints a message as the console shows it. */
  public void print(Message message) {
    synchronized (out) {
      out.print(renderer.render(message));
      out.flush();
    }
  }

  /** Reads commands until end of input or {@code quit}/{@code exit}. */
  public void serve(BufferedReader in) throws IOException {
    prompt();
    String line;
    while ((line = in.readLine()) != null) {
      String t = line.strip();
      if (t.equals("quit") || t.equals("exit") || t.equals("/quit") || t.equals("/exit")) {
        quitRequested = true;
        break;
      }
      if (!t.isEmpty()) {
        print(answer(t).message());
      }
      prompt();
    }
  }

  private void prompt() {
    synchronized (out) {
      out.print("> ");
      out.flush();
    }
  }
}
