package io.paperboy.bot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The console on plain streams, line by line, without a prompt or any control code: for piped
 * input, files, services and tests, where a prompt would only litter the output.
 */
public final class PipedConsoleIo implements ConsoleIo {

  private final BufferedReader in;
  private final PrintStream out;

  public PipedConsoleIo(BufferedReader in, PrintStream out) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** A console that only prints ({@code paperboy ask}): its input is already at its end. */
  public static PipedConsoleIo output(PrintStream out) {
    return new PipedConsoleIo(new BufferedReader(Reader.nullReader()), out);
  }

  @Override
  public Optional<String> readLine() {
    try {
      return Optional.ofNullable(in.readLine());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the console input failed", e);
    }
  }

  @Override
  public void print(String text) {
    // a daily post printed by the delivery worker never interleaves with an answer
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }

  @Override
  public boolean interactive() {
    return false;
  }

  @Override
  public void close() {
    out.flush();
  }
}
