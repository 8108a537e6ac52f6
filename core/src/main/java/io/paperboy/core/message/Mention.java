package io.paperboy.core.message;

import java.util.Objects;

/**
 * A ping that a message is explicitly allowed to make.
 *
 * @param kind whom it pings
 * @param id   the platform's user or role id (Slack user groups count as roles)
 */
public record Mention(Kind kind, String id) {

  public enum Kind { USER, ROLE }

  public Mention {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }
}
