package io.paperboy.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * How a retried forum post finds the post an interrupted attempt created. Creating a forum post
 * ({@code POST /channels/{forum}/threads}) takes no nonce, so Discord cannot deduplicate it: a
 * crash between creating it and marking the outbox row sent would open a second post. Every
 * forum post therefore ends its starter message with a marker derived from the outbox row's
 * idempotency key, as Discord's small subtext line ({@code -# …}); a retry lists the guild's
 * active threads, takes the bot's threads in that forum with the post's name, and reads their
 * starter messages for the marker.
 */
final class ForumMarker {

  private static final String PREFIX = "-# paperboy ";

  private ForumMarker() {}

  /** The marker for the post of {@code idempotencyKey}: the hash its first message's nonce uses. */
  static String of(String idempotencyKey) {
    return DiscordGateway.Nonces.of(idempotencyKey, 0);
  }

  /** The starter message with the marker as its last line (left off if the content has no room). */
  static MessageCreateData mark(MessageCreateData first, String marker) {
    String content = first.getContent();
    String marked = (content.isEmpty() ? "" : content + "\n") + PREFIX + marker;
    if (marked.length() > Message.MAX_CONTENT_LENGTH) {
      return first;
    }
    return MessageCreateBuilder.from(first).setContent(marked).build();
  }

  static boolean carries(Message message, String marker) {
    return message.getContentRaw().endsWith(PREFIX + marker);
  }

  /** The bot's active post named {@code name} in {@code forum} whose starter message carries {@code marker}. */
  static Optional<ThreadChannel> find(ForumChannel forum, String name, String marker, Duration timeout) {
    long self = forum.getJDA().getSelfUser().getIdLong();
    List<ThreadChannel> candidates = forum.getGuild().retrieveActiveThreads()
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete().stream()
        .filter(t -> t.getParentChannel().getIdLong() == forum.getIdLong())
        .filter(t -> t.getOwnerIdLong() == self && t.getName().equals(name))
        .toList();
    for (ThreadChannel t : candidates) {
      try {
        Message starter = t.retrieveStartMessage().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete();
        if (carries(starter, marker)) {
          return Optional.of(t);
        }
      } catch (ErrorResponseException e) {
        // a post whose starter message was deleted cannot be ours to continue
        if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
          throw e;
        }
      }
    }
    return Optional.empty();
  }
}
