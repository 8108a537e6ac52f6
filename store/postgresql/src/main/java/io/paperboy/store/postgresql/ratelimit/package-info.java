/** {@link io.paperboy.store.ratelimit.SharedRateLimit} on tables {@code rate_limit} and {@code rate_limit_slot}. */
package io.paperboy.store.postgresql.ratelimit;
