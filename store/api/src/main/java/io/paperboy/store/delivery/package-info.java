/**
 * Subscriptions and the delivery outbox. A {@link io.paperboy.store.delivery.Subscription} says
 * when and how a channel gets the daily post; the outbox holds one
 * {@link io.paperboy.store.delivery.Delivery} row per (channel, kind, key), unique in the schema,
 * so a post is never enqueued twice. Its ports: {@link io.paperboy.store.delivery.OutboxStore}, the
 * queue's state machine, which records each attempt in its own committed transaction under a
 * {@link io.paperboy.store.delivery.Lease} so that a crash (or a dead instance) between posting
 * and marking is recognisable and recoverable; {@link io.paperboy.store.delivery.DeliveryReports},
 * its read-only views; {@link io.paperboy.store.delivery.SubscriptionStore}. No schedules, no
 * platforms, no SQL.
 */
package io.paperboy.store.delivery;
