package io.paperboy.store.postgresql.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work on a connection that may throw {@link SQLException}; {@link Database}
 * runs it and wraps such failures in {@link io.paperboy.store.StoreException}.
 */
@FunctionalInterface
public interface SqlWork<R> {

  R apply(Connection connection) throws SQLException;
}
