package io.paperboy.discord;

import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostException.Kind;
import io.paperboy.store.ChannelRef;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Turns what JDA throws into a {@link PostException} the delivery worker can act on: retry,
 * back off, or pause the subscription.
 */
final class DiscordErrors {

  private DiscordErrors() {}

  static PostException classify(ChannelRef channel, Throwable error) {
    String where = "posting to " + channel.key() + ": ";
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PostException p) {
        return p;
      }
      if (t instanceof ErrorResponseException e) {
        return fromResponse(where, e);
      }
      if (t instanceof InsufficientPermissionException e) {
        return new PostException(Kind.FORBIDDEN, "permission:" + e.getPermission().name(),
            where + "the bot lacks " + e.getPermission().getName(), Optional.empty(), e);
      }
      if (t instanceof RateLimitedException e) {
        return new PostException(Kind.RATE_LIMITED, "429", where + "rate limited",
            Optional.of(Duration.ofMillis(e.getRetryAfter())), e);
      }
      if (t instanceof TimeoutException || t instanceof IOException || t instanceof RejectedExecutionException) {
        return new PostException(Kind.TRANSIENT, t.getClass().getSimpleName(), where + t, Optional.empty(), error);
      }
    }
    return new PostException(Kind.TRANSIENT, error.getClass().getSimpleName(), where + error, Optional.empty(), error);
  }

  private static PostException fromResponse(String where, ErrorResponseException e) {
    ErrorResponse r = e.getErrorResponse();
    String code = String.valueOf(e.getErrorCode());
    String message = where + e.getMeaning() + " (Discord error " + code + ")";
    Kind kind;
    if (r == ErrorResponse.UNKNOWN_CHANNEL) {
      kind = Kind.CHANNEL_GONE;
    } else if (r == ErrorResponse.MISSING_ACCESS || r == ErrorResponse.MISSING_PERMISSIONS
        || r == ErrorResponse.ILLEGAL_OPERATION_ARCHIVED_THREAD || r == ErrorResponse.THREAD_LOCKED) {
      kind = Kind.FORBIDDEN;
    } else if (e.isServerError() || e.getResponse() != null && e.getResponse().code >= 500) {
      kind = Kind.TRANSIENT;
    } else {
      kind = Kind.PERMANENT;
    }
    return new PostException(kind, code, message, Optional.empty(), e);
  }
}
