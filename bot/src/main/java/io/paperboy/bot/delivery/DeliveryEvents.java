package io.paperboy.bot.delivery;

import io.paperboy.store.Platform;

/**
 * What became of each attempt the worker made, for whoever counts them (the operations metrics).
 * Called on the delivery threads after the outbox row was marked; must be quick and not throw.
 */
public interface DeliveryEvents {

  /** Counts nothing. */
  DeliveryEvents NONE = new DeliveryEvents() { };

  /** A row went out: {@code messages} platform messages posted (a split post is several). */
  default void sent(Platform platform, int messages) { }

  /** An attempt failed and the row will be tried again; a rate limit is not counted as a failure. */
  default void retried(Platform platform, boolean rateLimited) { }

  /** A row failed for good (gave up, channel gone, bot forbidden, permanent error). */
  default void failed(Platform platform) { }
}
