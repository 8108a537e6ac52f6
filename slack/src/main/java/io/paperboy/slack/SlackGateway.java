package io.paperboy.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts messages to Slack channels with {@code chat.postMessage}: as consecutive messages, or as a
 * head message with one thread reply per paper.
 *
 * <p>Retries live here, with the synchronous client (which never retries by itself): a 429 whose
 * {@code Retry-After} is short is waited out in place; a longer one becomes {@link
 * PostException.Kind#RATE_LIMITED} for the delivery worker to reschedule. Slack's {@code ok:false}
 * answers are never swallowed: each becomes a {@link PostException} carrying Slack's error code.
 *
 * <p>Every post is stamped with message metadata ({@code paperboy_post}, {@code {key, part, parts}})
 * so that {@link #findPosted} can tell, after a crash, whether a delivery already went out.
 */
public final class SlackGateway implements ChannelGateway {

  /** Metadata event type on every message Paperboy posts. */
  public static final String METADATA_EVENT_TYPE = "paperboy_post";

  private static final int HISTORY_SCAN = 200;

  private final MethodsClient client;
  private final SlackRenderer renderer;
  private final Duration maxInlineWait;
  private final int maxRetries;
  private final AtomicReference<AuthTestResponse> identity = new AtomicReference<>();
  /** DM channel id by user id: conversations.open answers the same id each time, so ask once. */
  private final Map<String, String> directMessages = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param client        a Web API client bound to the bot token
   * @param renderer      draws messages as Block Kit
   * @param maxInlineWait the longest {@code Retry-After} waited out in place; longer ones are thrown
   * @param maxRetries    how many 429s one call waits out before giving up
   */
  public SlackGateway(MethodsClient client, SlackRenderer renderer, Duration maxInlineWait, int maxRetries) {
    this.client = Objects.requireNonNull(client, "client");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.maxInlineWait = Objects.requireNonNull(maxInlineWait, "maxInlineWait");
    this.maxRetries = maxRetries;
  }

  /** A gateway for {@code botToken} that waits out 429s of up to 30 s, three times per call. */
  public static SlackGateway create(Slack slack, String botToken) {
    return new SlackGateway(slack.methods(botToken), new SlackRenderer(), Duration.ofSeconds(30), 3);
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public PostReceipt post(ChannelRef target, Message message, PostOptions options) throws PostException {
    requireSlack(target);
    ChannelRef channel = target.isDirectMessage() ? openDirectMessage(target) : target;
    String key = options.idempotencyKey();
    List<String> ids = new ArrayList<>();
    if (options.style() == PostStyle.THREADS && channel.thread().isEmpty()) {
      SlackThreadPosts thread = renderer.renderThreads(message);
      int parts = thread.head().size() + thread.replies().size();
      // after an attempt with an unknown outcome, parts already in Slack are found, not posted again
      Map<Integer, String> done = options.mayHavePosted() ? postedParts(channel, key) : Map.of();
      String root = done.containsKey(0) ? done.get(0)
          : send(channel, thread.head().get(0), Optional.empty(), key, 0, parts);
      ids.add(root);
      Map<Integer, String> inThread = options.mayHavePosted() && done.containsKey(0)
          ? postedParts(new ChannelRef(channel.platform(), channel.workspace(), channel.channel(), Optional.of(root)), key)
          : Map.of();
      List<SlackPost> rest = new ArrayList<>(thread.head().subList(1, thread.head().size()));
      rest.addAll(thread.replies());
      for (SlackPost post : rest) {
        int part = ids.size();
        ids.add(inThread.containsKey(part) ? inThread.get(part)
            : send(channel, post, Optional.of(root), key, part, parts));
      }
    } else {
      // DIGEST, FORUM (Slack has no forums) and anything posted into an existing thread
      List<SlackPost> posts = renderer.render(message);
      Map<Integer, String> done = options.mayHavePosted() ? postedParts(channel, key) : Map.of();
      for (SlackPost post : posts) {
        int part = ids.size();
        ids.add(done.containsKey(part) ? done.get(part) : send(channel, post, channel.thread(), key, part, posts.size()));
      }
    }
    return new PostReceipt(ids);
  }

  /** As {@link #post} sends them: the rendered posts, or in threads style the head posts and one reply per card. */
  @Override
  public int messages(Message message, PostStyle style) {
    if (style == PostStyle.THREADS) {
      SlackThreadPosts thread = renderer.renderThreads(message);
      return thread.head().size() + thread.replies().size();
    }
    return renderer.render(message).size();
  }

  /** The DM channel with the user a direct-message reference names ({@code conversations.open}). */
  private ChannelRef openDirectMessage(ChannelRef dm) throws PostException {
    String user = dm.directMessageUser().orElseThrow();
    String id = directMessages.get(user);
    if (id == null) {
      id = call("conversations.open", dm, () -> client.conversationsOpen(r -> r.users(List.of(user))))
          .getChannel().getId();
      directMessages.put(user, id);
    }
    return ChannelRef.of(Platform.SLACK, dm.workspace(), id);
  }

  /**
   * The {@code ts} of the bot's own message stamped with {@code key} among the channel's (or
   * thread's) recent messages: the first part of that delivery, or empty if none is found.
   */
  public Optional<String> findPosted(ChannelRef channel, String key) throws PostException {
    return Optional.ofNullable(postedParts(channel, key).get(0));
  }

  /**
   * The bot's own messages stamped with {@code key} among the channel's (or thread's) recent
   * messages, by part number: what an interrupted delivery already posted.
   */
  Map<Integer, String> postedParts(ChannelRef channel, String key) throws PostException {
    requireSlack(channel);
    AuthTestResponse me = identity(channel);
    List<com.slack.api.model.Message> messages = channel.thread().isPresent()
        ? call("conversations.replies", channel, () -> client.conversationsReplies(r -> r
            .channel(channel.channel()).ts(channel.thread().get()).limit(HISTORY_SCAN).includeAllMetadata(true)))
            .getMessages()
        : call("conversations.history", channel, () -> client.conversationsHistory(r -> r
            .channel(channel.channel()).limit(HISTORY_SCAN).includeAllMetadata(true)))
            .getMessages();
    Map<Integer, String> parts = new java.util.TreeMap<>();
    if (messages == null) {
      return parts;
    }
    messages.stream()
        .filter(m -> Objects.equals(m.getBotId(), me.getBotId()) || Objects.equals(m.getUser(), me.getUserId()))
        .filter(m -> m.getMetadata() != null && METADATA_EVENT_TYPE.equals(m.getMetadata().getEventType()))
        .filter(m -> m.getMetadata().getEventPayload() != null
            && key.equals(String.valueOf(m.getMetadata().getEventPayload().get("key"))))
        .sorted(Comparator.comparing(m -> new java.math.BigDecimal(m.getTs())))
        .forEach(m -> parts.putIfAbsent(partOf(m), m.getTs()));
    return parts;
  }

  private static int partOf(com.slack.api.model.Message m) {
    Object part = m.getMetadata().getEventPayload().get("part");
    if (part instanceof Number n) {
      return n.intValue();
    }
    try {
      return part == null ? 0 : (int) Double.parseDouble(part.toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private String send(ChannelRef channel, SlackPost post, Optional<String> threadTs, String key, int part, int parts)
      throws PostException {
    ChatPostMessageRequest request = ChatPostMessageRequest.builder()
        .channel(channel.channel())
        .threadTs(threadTs.orElse(null))
        .text(post.text())
        .blocks(post.blocks())
        .linkNames(false)
        .unfurlLinks(false)
        .unfurlMedia(false)
        .metadata(new com.slack.api.model.Message.Metadata(METADATA_EVENT_TYPE,
            Map.of("key", key, "part", part, "parts", parts)))
        .build();
    ChatPostMessageResponse response = call("chat.postMessage", channel, () -> client.chatPostMessage(request));
    return response.getTs();
  }

  private AuthTestResponse identity(ChannelRef channel) throws PostException {
    AuthTestResponse me = identity.get();
    if (me == null) {
      me = call("auth.test", channel, () -> client.authTest(r -> r));
      identity.set(me);
    }
    return me;
  }

  /** One Web API call with Paperboy's retry policy and error mapping. */
  private <T extends SlackApiTextResponse> T call(String method, ChannelRef channel, SlackCall<T> call)
      throws PostException {
    int waited = 0;
    while (true) {
      T response;
      try {
        response = call.call();
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
          Duration wait = SlackErrors.retryAfter(e.getResponse().header("Retry-After"));
          if (waited < maxRetries && wait.compareTo(maxInlineWait) <= 0) {
            sleep(wait, method, channel);
            waited++;
            continue;
          }
          throw new PostException(PostException.Kind.RATE_LIMITED, "ratelimited",
              method + " to " + channel.key() + " was rate limited; Slack asks to retry after " + wait.toSeconds() + " s",
              Optional.of(wait), e);
        }
        throw SlackErrors.httpFailure(method, channel, status, e);
      } catch (IOException e) {
        throw new PostException(PostException.Kind.TRANSIENT, "io_error",
            method + " to " + channel.key() + " failed: " + e, Optional.empty(), e);
      }
      if (!response.isOk()) {
        throw SlackErrors.failure(method, channel, response);
      }
      return response;
    }
  }

  private static void sleep(Duration wait, String method, ChannelRef channel) throws PostException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostException(PostException.Kind.TRANSIENT, "interrupted",
          method + " to " + channel.key() + " was interrupted while waiting out a rate limit", Optional.empty(), e);
    }
  }

  private static void requireSlack(ChannelRef channel) {
    if (channel.platform() != Platform.SLACK) {
      throw new IllegalArgumentException("not a Slack channel: " + channel.key());
    }
  }

  @FunctionalInterface
  private interface SlackCall<T> {
    T call() throws IOException, SlackApiException;
  }
}
