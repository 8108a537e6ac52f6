package io.paperboy.core.gateway;

import java.util.List;

/** The platform ids of the messages a post created, in order (Slack: {@code ts}; Discord: snowflakes). */
public record PostReceipt(List<String> messageIds) {

  public PostReceipt {
    messageIds = List.copyOf(messageIds);
  }
}
