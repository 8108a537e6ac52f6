package io.paperboy.store.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds an outbox row for an attempt, and until when. While the lease is live no other
 * instance may take the row back; once it has passed, {@link OutboxStore#recoverExpired} may,
 * because the holder is presumed dead. The holder keeps its lease by finishing in time: choose
 * {@code until} well beyond the longest attempt (all of a split post, with its HTTP timeouts).
 *
 * @param holder the instance that claimed the row, e.g. {@code pid 4242 on host-a}; stored for
 *               operators and checked when the attempt is marked
 * @param until  when the lease ends
 */
public record Lease(String holder, Instant until) {

  public Lease {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(until, "until");
    if (holder.isBlank()) {
      throw new IllegalArgumentException("a lease needs a holder");
    }
  }
}
