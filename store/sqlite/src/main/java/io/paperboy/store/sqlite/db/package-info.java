/**
 * One SQLite file: opening and migrating it ({@link io.paperboy.store.sqlite.db.Database},
 * {@code Migrations} with Flyway over {@code classpath:db/migration/sqlite}), its connections (one
 * writer, a few read-only readers, cached statements) and its transactions (one writer at a time,
 * nested writes joining, reads in one snapshot). The other packages of the adapter build their
 * stores on {@code Database}.
 */
package io.paperboy.store.sqlite.db;
