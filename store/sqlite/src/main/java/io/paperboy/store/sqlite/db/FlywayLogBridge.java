package io.paperboy.store.sqlite.db;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Flyway's log to SLF4J one level down: Flyway announces every routine step ("Migrating
 * schema … to version 1", "Schema … is up to date") at INFO, which is noise on every start of
 * the bot, so INFO becomes DEBUG. Warnings and errors keep their level.
 *
 * <p>Public only because Flyway instantiates it by class name ({@code loggers(...)}).
 */
public final class FlywayLogBridge implements LogCreator {

  @Override
  public Log createLogger(Class<?> clazz) {
    return new Quiet(LoggerFactory.getLogger(clazz));
  }

  private static final class Quiet implements Log {
    private final Logger logger;

    Quiet(Logger logger) {
      this.logger = logger;
    }

    @Override
    public void debug(String message) {
      logger.debug(message);
    }

    @Override
    public void info(String message) {
      logger.debug(message);
    }

    @Override
    public void warn(String message) {
      logger.warn(message);
    }

    @Override
    public void error(String message) {
      logger.error(message);
    }

    @Override
    public void error(String message, Exception e) {
      logger.error(message, e);
    }

    @Override
    public void notice(String message) {
      logger.debug(message);
    }
  }
}
