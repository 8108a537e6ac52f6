package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;

import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.store.ChannelRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helper: posts only the first parts of a message, as a process that died mid-post would have. */
final class Message2Parts {

  private Message2Parts() {}

  /**
   * Posts the first {@code count} parts of {@code message} with the part keys a full post would
   * use: the gateway is given a message made of just those parts' blocks.
   */
  static void postFirstParts(ChannelGateway gateway, ChannelRef channel, Message message, PostOptions options,
      int count, int totalParts) throws PostException {
    if (count >= totalParts) {
      throw new IllegalArgumentException("leave at least one part unposted");
    }
    List<Block> blocks = new ArrayList<>();
    int cards = 0;
    for (Block b : message.blocks()) {
      if (b instanceof Block.PaperCard) {
        if (cards == count * HttpTestGateway.CARDS_PER_PART) {
          break;
        }
        cards++;
      }
      blocks.add(b);
    }
    gateway.post(channel, new Message(blocks, false, Optional.empty()), options);
  }
}
