package io.paperboy.bot.console;

import java.util.Optional;

/**
 * Where the console reads what a person types and prints answers, daily posts and alerts: a
 * terminal with a line editor ({@link TerminalConsoleIo}) or plain streams
 * ({@link PipedConsoleIo}). Printing is safe from any thread and never splits another print.
 */
public interface ConsoleIo extends AutoCloseable {

  /**
   * The next line typed; empty at the end of input.
   *
   * @throws java.io.UncheckedIOException when reading fails
   */
  Optional<String> readLine();

  /**
   * Prints {@code text} (newline-terminated lines); on a terminal, above the prompt and the line
   * being typed, which stay where they are.
   */
  void print(String text);

  /**
   * Whether a person sits at this console: then the end of input (Ctrl-D) means "stop", while on
   * piped input it only means nobody is typing (a service keeps serving the platforms).
   */
  boolean interactive();

  @Override
  void close();
}
