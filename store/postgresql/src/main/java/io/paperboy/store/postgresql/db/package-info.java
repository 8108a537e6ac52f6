/**
 * The PostgreSQL connection pool, units of work and migrations ({@code Database}), and the column
 * conversions ({@code Sql}, {@code PgText}) the stores share.
 */
package io.paperboy.store.postgresql.db;
