package io.paperboy.bot.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test on any WARN or ERROR log line it did not expect. JDA reports a payload it cannot
 * read (a missing field, a wrong type) only as a log line, never as an exception, so this is what
 * makes the fake's fidelity testable. Also keeps JDA's and MockWebServer's chatter at INFO.
 */
final class LogGuard implements BeforeEachCallback, AfterEachCallback {

  private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
  private final List<Pattern> expected = new ArrayList<>();
  private final List<Pattern> seen = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
        events.add(event);
      }
    }
  };

  static {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger("net.dv8tion").setLevel(Level.INFO);
    java.util.logging.Logger.getLogger("mockwebserver3").setLevel(java.util.logging.Level.WARNING);
    java.util.logging.Logger.getLogger("okhttp3").setLevel(java.util.logging.Level.WARNING);
  }

  /** Allows (and requires) a WARN/ERROR line whose text matches {@code regex}. */
  LogGuard expect(String regex) {
    expected.add(Pattern.compile(regex, Pattern.DOTALL));
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    events.clear();
    expected.clear();
    seen.clear();
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.start();
    root().addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    root().detachAppender(appender);
    appender.stop();
    List<String> unexpected = new ArrayList<>();
    for (ILoggingEvent e : events) {
      String text = e.getLoggerName() + ": " + e.getFormattedMessage();
      Pattern match = expected.stream().filter(p -> p.matcher(text).find()).findFirst().orElse(null);
      if (match == null) {
        unexpected.add(e.getLevel() + " " + text);
      } else {
        seen.add(match);
      }
    }
    if (!unexpected.isEmpty()) {
      throw new AssertionError("unexpected WARN/ERROR log lines:\n" + String.join("\n", unexpected));
    }
    for (Pattern p : expected) {
      if (!seen.contains(p)) {
        throw new AssertionError("expected a WARN/ERROR log line matching /" + p + "/, saw none");
      }
    }
  }

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
