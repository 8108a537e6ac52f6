/** {@link io.paperboy.store.ratelimit.SharedRateLimit} on table {@code rate_limit_slot}. */
package io.paperboy.store.sqlite.ratelimit;
