package io.paperboy.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test on any WARN or ERROR log line it did not expect. JDA reports a payload it cannot
 * read (a missing field, a wrong type) only as a log line, never as an exception, so this is what
 * makes the fake's fidelity testable. Also keeps JDA's and MockWebServer's chatter at INFO.
 *
 * <p>Registered as a static field it also watches class-level setup and teardown (a bot started
 * in {@code @BeforeAll}): lines logged there fail the first test, or the class.
 */
final class LogGuard implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

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

  /** The WARN/ERROR lines seen so far in this test (they are still checked after it). */
  List<ILoggingEvent> warnings() {
    return List.copyOf(events);
  }

  private boolean classLevel;

  @Override
  public void beforeAll(ExtensionContext context) {
    classLevel = true;
    attach();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    expected.clear();
    seen.clear();
    if (!classLevel) {
      events.clear();
      attach();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!classLevel) {
      detach();
    }
    verify();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    detach();
    expected.clear();
    verify();
  }

  private void attach() {
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.start();
    root().addAppender(appender);
  }

  private void detach() {
    root().detachAppender(appender);
    appender.stop();
  }

  private void verify() {
    List<ILoggingEvent> events = new ArrayList<>(this.events);
    this.events.removeAll(events);
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
