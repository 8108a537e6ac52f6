package io.paperboy.bot.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * While the terminal console runs, the log lines logback's console appenders would write to the
 * terminal directly (over the prompt and the line being typed) go through the console instead,
 * formatted by the same encoder, and appear above the prompt. Closing puts the console appenders
 * back. File appenders and other sinks are left alone; without logback nothing changes.
 */
final class LogLinesAbovePrompt implements AutoCloseable {

  /** A console appender taken out of a logger, and what replaced it. */
  private record Swap(Logger logger, Appender<ILoggingEvent> original, Appender<ILoggingEvent> replacement) {}

  private final List<Swap> swaps;

  private LogLinesAbovePrompt(List<Swap> swaps) {
    this.swaps = swaps;
  }

  /** Routes every logger's console appenders through {@code printAbove} until closed. */
  static LogLinesAbovePrompt route(Consumer<String> printAbove) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    List<Swap> swaps = new ArrayList<>();
    if (factory instanceof LoggerContext context) {
      for (Logger logger : context.getLoggerList()) {
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
          if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
            swaps.add(new Swap(logger, console, new AbovePrompt(context, console, printAbove)));
          }
        }
      }
      for (Swap swap : swaps) {
        swap.replacement().start();
        swap.logger().addAppender(swap.replacement());
        swap.logger().detachAppender(swap.original());
      }
    }
    return new LogLinesAbovePrompt(swaps);
  }

  @Override
  public void close() {
    for (Swap swap : swaps) {
      swap.logger().addAppender(swap.original());
      swap.logger().detachAppender(swap.replacement());
      swap.replacement().stop();
    }
    swaps.clear();
  }

  /** Formats an event as the console appender it stands in for would, and prints it above the prompt. */
  private static final class AbovePrompt extends AppenderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> encoder;
    private final Consumer<String> printAbove;

    AbovePrompt(LoggerContext context, ConsoleAppender<ILoggingEvent> original, Consumer<String> printAbove) {
      setContext(context);
      setName(original.getName() + "-above-prompt");
      this.encoder = original.getEncoder();
      this.printAbove = printAbove;
    }

    @Override
    protected void append(ILoggingEvent event) {
      String line;
      if (encoder instanceof LayoutWrappingEncoder<ILoggingEvent> layout && layout.getLayout() != null) {
        line = layout.getLayout().doLayout(event);
      } else {
        Charset charset = encoder instanceof LayoutWrappingEncoder<ILoggingEvent> wrapping && wrapping.getCharset() != null
            ? wrapping.getCharset() : StandardCharsets.UTF_8;
        line = new String(encoder.encode(event), charset);
      }
      printAbove.accept(line);
    }
  }
}
