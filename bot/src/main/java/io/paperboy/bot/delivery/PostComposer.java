package io.paperboy.bot.delivery;

import io.paperboy.core.message.Message;
import io.paperboy.store.delivery.Delivery;
import java.util.Objects;

/**
 * Turns an outbox row into the message to post, from the database alone (no network). The same
 * row composes the same message on every attempt, so a retry posts what the first attempt did.
 */
@FunctionalInterface
public interface PostComposer {

  Composed compose(Delivery row);

  /**
   * The post for {@code row} showing at most {@code maxPapers} paper cards, the others summed up
   * in one line, so the worker can keep a post within its message bound. Composers whose posts
   * hold no cards (or cannot shorten them) answer {@link #compose(Delivery)}.
   */
  default Composed compose(Delivery row, int maxPapers) {
    return compose(row);
  }

  /** A message to post, or why nothing is to be posted. */
  sealed interface Composed permits Post, Skip {}

  /** Post this. */
  record Post(Message message) implements Composed {
    public Post {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Post nothing; the row is recorded as skipped with this reason. */
  record Skip(String reason) implements Composed {
    public Skip {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
