package io.paperboy.core.gateway;

import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;

/**
 * Posts messages to channels of one platform. The delivery worker calls it outside any database
 * transaction. Implementations render the message (splitting it to respect the platform's limits,
 * never dropping a paper), post every part in order, and return the ids of what they posted.
 */
public interface ChannelGateway {

  Platform platform();

  /**
   * Posts {@code message} to {@code channel}.
   *
   * @param options how to post (style, idempotency key)
   * @return the platform ids of the posted messages, in order
   * @throws PostException classifying the failure so the worker can retry, back off, or pause
   */
  PostReceipt post(ChannelRef channel, Message message, PostOptions options) throws PostException;

  /**
   * How many platform messages {@link #post} would send for {@code message} in {@code style}: it
   * renders and posts nothing. The delivery worker keeps a daily post within its message bound
   * with it. A gateway that always sends one message need not override it.
   */
  default int messages(Message message, PostStyle style) {
    return 1;
  }
}
