/**
 * The SQLite backend of the store ports, the embedded default:
 * {@link io.paperboy.store.sqlite.SqliteStores#open} opens every port on one file. One process owns
 * the file (one writer connection, a few readers, WAL); the schema lives in
 * {@code db/migration/sqlite}. The only place besides a future PostgreSQL adapter where
 * {@code java.sql}, sqlite-jdbc and Flyway may be used.
 */
package io.paperboy.store.sqlite;
