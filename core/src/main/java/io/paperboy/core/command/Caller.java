package io.paperboy.core.command;

import java.util.Objects;

/**
 * Who runs a command.
 *
 * @param userId      the platform's user id ({@code console} on the terminal)
 * @param displayName a name to address them by
 * @param canManage   whether they may configure the channel (Discord: Manage Channels; Slack:
 *                    workspace admin or owner, or on the allow-list; the console operator always)
 */
public record Caller(String userId, String displayName, boolean canManage) {

  public Caller {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
  }

  /** The operator at the terminal. */
  public static Caller console() {
    return new Caller("console", "operator", true);
  }
}
