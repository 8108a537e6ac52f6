package io.paperboy.store;

import java.util.function.Supplier;

/**
 * Port: the unit of work. Groups calls to several stores into one transaction, so that callers
 * outside the store never see a connection. Every store call made inside {@code work} on the
 * same thread joins the transaction, and so does a nested {@code inTransaction}; reads inside it
 * see its own writes. The transaction commits when the outermost {@code work} returns and rolls
 * back, all of it, when any {@code work} throws; the exception then propagates unchanged.
 *
 * <p>Keep the work short and free of network I/O (no posting inside a transaction): a backend may
 * hold its write lock for the whole of it, so the work must not wait for another thread that
 * writes to the same stores either (that thread waits for this transaction).
 */
public interface Transactions {

  /** Runs {@code work} in one transaction and answers its result. */
  <T> T inTransaction(Supplier<T> work);

  /** Runs {@code work} in one transaction. */
  default void inTransaction(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
