package io.paperboy.testkit.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a logback configuration every library logs at DEBUG, which floods test output and
 * slows the benchmark; quiet the chatty ones then. A real configuration is left alone.
 */
final class QuietLogs {

  private QuietLogs() {}

  static void apply() {
    if (!(LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) || root.getLevel() != Level.DEBUG) {
      return;
    }
    root.setLevel(Level.INFO);
    for (String chatty : new String[] {"org.eclipse.jetty", "okhttp3", "org.java_websocket", "com.slack.api"}) {
      ((Logger) LoggerFactory.getLogger(chatty)).setLevel(Level.WARN);
    }
  }
}
