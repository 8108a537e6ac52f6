package io.paperboy.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what is logged while it is open, at the levels {@code paperboy run} logs at
 * ({@code io.paperboy} from INFO, everything else from WARN, as in the bot's logback.xml).
 */
final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger paperboy = (Logger) LoggerFactory.getLogger("io.paperboy");
  private final Level paperboyLevel = paperboy.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.start();
    paperboy.setLevel(Level.INFO);
    root.addAppender(appender);
  }

  /** The events so far (appending is synchronized on the appender, so is this copy). */
  List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** Forgets the events so far. */
  void clear() {
    synchronized (appender) {
      appender.list.clear();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    paperboy.setLevel(paperboyLevel);
    appender.stop();
  }
}
