/**
 * The outbox and subscriptions on SQLite: the queue's state machine
 * ({@link io.paperboy.store.sqlite.delivery.SqliteOutbox}), its read-only reports
 * ({@link io.paperboy.store.sqlite.delivery.SqliteDeliveryReports}), the mapping of {@code delivery}
 * rows ({@code DeliveryRows}, {@code Columns}) and subscriptions
 * ({@link io.paperboy.store.sqlite.delivery.SqliteSubscriptionStore}). Statuses and kinds are bound
 * as parameters from their enums; only the schema spells them out.
 */
package io.paperboy.store.sqlite.delivery;
