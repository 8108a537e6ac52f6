/** Keyword alerts and their delivery batches on PostgreSQL. */
package io.paperboy.store.postgresql.alert;
