package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;

/**
 * How many platform messages a post takes in a style, as its platform's renderer splits it
 * ({@code ChannelGateway.messages}, or the renderer alone where no gateway is connected, as for
 * {@code /preview}); it renders and posts nothing.
 */
@FunctionalInterface
public interface PostSize {

  /** Every post in one message: the console's. */
  PostSize ONE = (message, style) -> 1;

  int messages(Message message, PostStyle style);
}
