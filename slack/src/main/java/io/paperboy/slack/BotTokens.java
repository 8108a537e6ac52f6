package io.paperboy.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * The bot token to call Slack with for one workspace: the one {@code SLACK_BOT_TOKEN} of a
 * single-workspace app, or the workspace's own installation in a distributed app.
 */
@FunctionalInterface
public interface BotTokens {

  /** The token for the Paperboy workspace id ({@code T…}, or {@code E…} org-wide); empty when not installed there. */
  Optional<String> token(String workspace);

  /** One token for every workspace (a single-workspace app). */
  static BotTokens single(String token) {
    Objects.requireNonNull(token, "token");
    return workspace -> Optional.of(token);
  }
}
