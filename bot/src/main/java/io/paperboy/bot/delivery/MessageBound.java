package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;
import java.util.function.IntFunction;

/**
 * The message half of the flood bound ({@code delivery.max-messages}): a post that would take more
 * platform messages than the bound is replaced by the same post with the most cards that fits, the
 * others summed up in its "…and N more" line. The delivery worker and {@code /preview} both cut
 * with it, so a preview shows the post that will go out. Deterministic, so every attempt posts the
 * same.
 */
public final class MessageBound {

  private final int maxMessages;

  /** @param maxMessages platform messages one post may take ({@code delivery.max-messages}) */
  public MessageBound(int maxMessages) {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1, was " + maxMessages);
    }
    this.maxMessages = maxMessages;
  }

  /**
   * What {@link #fit} chose.
   *
   * @param message the post to send
   * @param needed  the messages the uncut post would have taken
   */
  public record Fitted(Message message, int needed) {
    public boolean cut(Message full) {
      return message != full;
    }
  }

  /**
   * @param full      the post as composed, within the paper bound
   * @param withCards the same post showing at most that many cards (the rest summed up), or null
   *                  when the composer has nothing to post
   * @param size      how many messages a post takes on the channel's platform
   */
  public Fitted fit(Message full, IntFunction<Message> withCards, PostSize size, PostStyle style) {
    int needed = size.messages(full, style);
    if (needed <= maxMessages) {
      return new Fitted(full, needed);
    }
    // messages grow with the cards: halving finds the most cards that fit in about log2(cards) renders
    Message best = null;
    int low = 0;
    int high = full.paperCards().size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      Message candidate = withCards.apply(mid);
      if (candidate != null && size.messages(candidate, style) <= maxMessages) {
        best = candidate;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (best == null) {
      // not even the header alone fits: post it anyway rather than nothing
      Message header = withCards.apply(0);
      best = header != null ? header : full;
    }
    return new Fitted(best, needed);
  }
}
