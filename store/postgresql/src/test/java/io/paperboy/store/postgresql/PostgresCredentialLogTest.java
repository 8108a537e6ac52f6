package io.paperboy.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Every log line of opening, migrating, using and closing the stores, at DEBUG: none shows the password. */
@DisplayName("PostgreSQL credentials never reach a log line, even at DEBUG")
class PostgresCredentialLogTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();
  @RegisterExtension
  static final FreshSchemas schemas = new FreshSchemas(pg);

  @Test
  @DisplayName("open, migrate, search, close with a password in the URL: it appears in no logged message or stack")
  void noPasswordInLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    // DEBUG of every library for the length of the test: captured, not printed
    ch.qos.logback.core.Appender<ILoggingEvent> console = root.getAppender("STDERR");
    if (console != null) {
      root.detachAppender(console);
    }
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    root.setLevel(Level.DEBUG);
    try {
      // the machine trusts local connections, so the server never checks this password; the client still holds it
      PostgresSettings plain = schemas.freshSettings();
      String url = "postgresql://" + plain.user().orElse("postgres") + ":sekrit-in-url@" + plain.host() + "/"
          + plain.database() + "?currentSchema=" + plain.schema().orElseThrow();
      try (PostgresStores stores = PostgresStores.open(PostgresSettings.parse(url, Map.of()))) {
        stores.papers().digestDates();
        assertThat(stores.toString()).doesNotContain("sekrit");
      }
    } finally {
      root.detachAppender(events);
      root.setLevel(before);
      if (console != null) {
        root.addAppender(console);
      }
    }
    assertThat(events.list).isNotEmpty();
    for (ILoggingEvent e : events.list) {
      String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertThat(line).as("log line of %s", e.getLoggerName()).doesNotContain("sekrit-in-url");
    }
  }
}
