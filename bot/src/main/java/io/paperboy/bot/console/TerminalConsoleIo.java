package io.paperboy.bot.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The console on a terminal, through JLine: a {@code > } prompt with line editing, history and
 * command-name completion. Everything printed while a line is being typed — answers, daily posts,
 * alerts, log lines — goes above the prompt ({@link LineReader#printAbove}), which JLine then
 * redraws with the partly typed line, so the prompt stays at the bottom and is never lost after a
 * post. Ctrl-D, or Ctrl-C on an empty line, ends the console.
 */
public final class TerminalConsoleIo implements ConsoleIo {

  static final String PROMPT = "> ";

  private final Terminal terminal;
  private final LineReader reader;
  private final LogLinesAbovePrompt logs;

  /**
   * @param terminal     the terminal (the process's own, or in tests one on piped streams)
   * @param commandNames the commands to complete at the start of a line, without slash
   * @param historyFile  where typed lines are kept between runs; empty keeps them for this run only
   */
  public TerminalConsoleIo(Terminal terminal, List<String> commandNames, Optional<Path> historyFile) {
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("paperboy")
        .completer(new ArgumentCompleter(
            new StringsCompleter(commandNames.stream().map(n -> "/" + n).toList()), NullCompleter.INSTANCE))
        // '!' is ordinary text in a search query (JLine would read it as a history reference)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    historyFile.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
    this.reader = builder.build();
    this.logs = LogLinesAbovePrompt.route(this::print);
  }

  /** The console on this process's terminal (stdin and stdout must be one). */
  public static TerminalConsoleIo system(List<String> commandNames, Optional<Path> historyFile) {
    try {
      // UTF-8 whatever the locale says: Korean summaries must not turn into '?'
      Terminal terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
      return new TerminalConsoleIo(terminal, commandNames, historyFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
  }

  @Override
  public Optional<String> readLine() {
    while (true) {
      try {
        return Optional.of(reader.readLine(PROMPT));
      } catch (UserInterruptException e) {
        // Ctrl-C drops a partly typed line; on an empty line it means "stop"
        if (e.getPartialLine() == null || e.getPartialLine().isBlank()) {
          return Optional.empty();
        }
      } catch (EndOfFileException e) {
        return Optional.empty();
      }
    }
  }

  @Override
  public void print(String text) {
    reader.printAbove(text);
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public void close() {
    logs.close();
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      // losing this run's history is no reason to fail the shutdown
    }
    try {
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore the terminal", e);
    }
  }
}
