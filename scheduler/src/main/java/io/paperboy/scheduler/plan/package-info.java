/**
 * Deciding what is due when: the schedule math of subscriptions ({@link io.paperboy.scheduler.plan.Schedule},
 * pure functions over zoned time, DST included), the planning rules
 * ({@link io.paperboy.scheduler.plan.PlanRules}) and the {@link io.paperboy.scheduler.plan.DeliveryPlanner}
 * that writes outbox rows from the durable state (subscriptions, outbox, stored digest dates), run
 * at every minute of the application's clock by the {@link io.paperboy.scheduler.plan.PlannerJob}. Because everything is derived
 * from that state, a restart or a missed fire can neither lose nor double a post.
 *
 * <p>Which digest a post carries: a channel's post for its local date D carries the digest dated
 * D. It goes out at the channel's time on D if that digest is stored by then, otherwise as soon as
 * it is stored, as long as that is within the catch-up window after the channel's time; later
 * than that it is skipped and logged.
 *
 * <p>A weekly subscription posts on its one day the most voted papers of the seven days before,
 * once per channel and ISO week ({@link io.paperboy.store.delivery.WeeklyKey} names the row).
 */
package io.paperboy.scheduler.plan;
