/**
 * The PostgreSQL backend: every store port on one PostgreSQL database that several Paperboy
 * instances share ({@link io.paperboy.store.postgresql.PostgresStores}), selected by a
 * {@code postgresql://} database setting ({@link io.paperboy.store.postgresql.PostgresSettings}).
 */
package io.paperboy.store.postgresql;
