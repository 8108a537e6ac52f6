package io.paperboy.store.delivery;

import java.util.Objects;

/**
 * One attempt at an outbox row, as {@link OutboxStore#claim} granted it: the row as it was before
 * the attempt, and the lease it is held under. Marking the attempt's outcome takes the claim, so
 * a holder whose lease was taken back (and the row claimed again by someone else) cannot mark the
 * newer attempt: its marks find nothing to mark.
 *
 * @param before the row before this attempt (its {@code attempts} do not count this one yet)
 * @param lease  who holds the row, until when
 */
public record Claim(Delivery before, Lease lease) {

  public Claim {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(lease, "lease");
  }

  /** The row's id. */
  public long id() {
    return before.id();
  }

  /** This attempt's number, from 1: {@code before.attempts() + 1}. */
  public int attempt() {
    return before.attempts() + 1;
  }
}
