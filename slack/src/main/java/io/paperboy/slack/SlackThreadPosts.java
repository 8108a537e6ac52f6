package io.paperboy.slack;

import java.util.List;

/**
 * A message laid out as a thread: the head posts go to the channel, the replies (one per paper)
 * into the thread the first head post starts.
 */
public record SlackThreadPosts(List<SlackPost> head, List<SlackPost> replies) {

  public SlackThreadPosts {
    head = List.copyOf(head);
    replies = List.copyOf(replies);
    if (head.isEmpty()) {
      throw new IllegalArgumentException("a thread needs a head post");
    }
  }
}
