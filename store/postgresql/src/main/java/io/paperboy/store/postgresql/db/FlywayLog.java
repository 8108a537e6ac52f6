package io.paperboy.store.postgresql.db;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Flyway's log to SLF4J one level down: every routine step ("Schema … is up to date") is
 * INFO in Flyway, noise on every start, so INFO becomes DEBUG; warnings and errors keep their
 * level. Public only because Flyway instantiates it by class name.
 */
public final class FlywayLog implements LogCreator {

  @Override
  public Log createLogger(Class<?> clazz) {
    Logger logger = LoggerFactory.getLogger(clazz);
    return new Log() {
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
    };
  }
}
