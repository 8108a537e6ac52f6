package io.paperboy.store.sqlite.db;

import java.sql.SQLException;

/**
 * A unit of database work that may throw {@link SQLException}; {@link Database#read} and
 * {@link Database#write} run it on a connection and wrap failures in
 * {@link io.paperboy.store.StoreException}.
 *
 * @param <A> the argument, usually a {@link java.sql.Connection}
 * @param <R> the result
 */
@FunctionalInterface
public interface SqlFunction<A, R> {

  R apply(A argument) throws SQLException;
}
