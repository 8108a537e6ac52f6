package io.paperboy.scheduler.poll;

import io.paperboy.store.Digest;
import io.paperboy.store.IngestResult;

/** Told after a polled digest has been stored (alerts and the delivery planner listen). */
@FunctionalInterface
public interface IngestListener {

  /**
   * Called once per stored digest, on the polling thread, after the store's transaction committed.
   * An exception is logged and does not keep other listeners from being called.
   */
  void ingested(IngestResult result, Digest digest);
}
