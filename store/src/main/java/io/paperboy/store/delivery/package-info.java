/**
 * Subscriptions and the delivery outbox. A {@link io.paperboy.store.delivery.Subscription} says
 * when and how a channel gets the daily post; the outbox ({@link io.paperboy.store.delivery.OutboxStore})
 * holds one {@link io.paperboy.store.delivery.Delivery} row per (channel, kind, key), unique in the
 * schema, so a post is never enqueued twice, and records each attempt in its own committed
 * transaction so that a crash between posting and marking is recognisable at start-up.
 * Plain SQL over {@link io.paperboy.store.Database}; no schedules, no platforms.
 */
package io.paperboy.store.delivery;
