/** {@link io.paperboy.store.alert.AlertStore} on SQLite: alerts and the batches their deliveries post. */
package io.paperboy.store.sqlite.alert;
