package io.paperboy.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.ErrorResponseMetadata;
import io.paperboy.core.gateway.PostException;
import io.paperboy.store.ChannelRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Maps Slack's answers to {@link PostException}s the delivery worker can act on. */
final class SlackErrors {

  /** Errors Slack documents as worth retrying. */
  private static final Set<String> TRANSIENT = Set.of(
      "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
      // a rotating token that expired before its refresh went through: the next attempt asks for a fresh one
      "token_expired");

  /** The bot may not post there until someone changes the channel or the app. */
  private static final Set<String> FORBIDDEN = Set.of(
      "not_in_channel", "is_archived", "restricted_action", "restricted_action_read_only_channel",
      "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel",
      "cannot_reply_to_message", "missing_scope",
      // the app was uninstalled or its token revoked: installing it again resumes the workspace
      "token_revoked", "account_inactive");

  private SlackErrors() {}

  /** An {@code ok:false} answer, classified, with Slack's code and any detail it gave. */
  static PostException failure(String method, ChannelRef channel, SlackApiTextResponse response) {
    String code = response.getError() == null ? "unknown_error" : response.getError();
    List<String> details = new ArrayList<>();
    if (response.getNeeded() != null) {
      details.add("needed scope " + response.getNeeded());
    }
    if (response instanceof com.slack.api.methods.response.chat.ChatPostMessageResponse post) {
      if (post.getErrors() != null) {
        details.addAll(post.getErrors());
      }
      ErrorResponseMetadata meta = post.getResponseMetadata();
      if (details.isEmpty() && meta != null && meta.getMessages() != null) {
        details.addAll(meta.getMessages());
      }
    }
    String message = method + " to " + channel.key() + " failed: " + code
        + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
    PostException.Kind kind;
    if ("channel_not_found".equals(code)) {
      kind = PostException.Kind.CHANNEL_GONE;
    } else if (FORBIDDEN.contains(code)) {
      kind = PostException.Kind.FORBIDDEN;
    } else if ("ratelimited".equals(code)) {
      return new PostException(PostException.Kind.RATE_LIMITED, code, message, Optional.of(Duration.ofSeconds(1)), null);
    } else if (TRANSIENT.contains(code)) {
      kind = PostException.Kind.TRANSIENT;
    } else {
      kind = PostException.Kind.PERMANENT;
    }
    return new PostException(kind, code, message, Optional.empty(), null);
  }

  /** A non-200 HTTP answer other than 429. */
  static PostException httpFailure(String method, ChannelRef channel, int status, SlackApiException e) {
    String code = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "http_" + status;
    PostException.Kind kind = status >= 500 || status == 408 ? PostException.Kind.TRANSIENT : PostException.Kind.PERMANENT;
    return new PostException(kind, code,
        method + " to " + channel.key() + " failed with HTTP " + status + " (" + code + ")", Optional.empty(), e);
  }

  /** Slack sends whole seconds; a missing or odd header means "a moment". */
  static Duration retryAfter(String header) {
    if (header != null) {
      try {
        long seconds = Long.parseLong(header.strip());
        if (seconds >= 0) {
          return Duration.ofSeconds(seconds);
        }
      } catch (NumberFormatException e) {
        // fall through to the default
      }
    }
    return Duration.ofSeconds(1);
  }
}
