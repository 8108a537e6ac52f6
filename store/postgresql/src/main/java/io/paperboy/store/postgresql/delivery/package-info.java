/**
 * Subscriptions and the delivery outbox on PostgreSQL, shared by several instances: claims under
 * leases with {@code FOR UPDATE SKIP LOCKED} ({@code PgOutbox}), its read-only views
 * ({@code PgDeliveryReports}), and {@code PgSubscriptionStore}.
 */
package io.paperboy.store.postgresql.delivery;
