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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts messages to Slack channels with {@code chat.postMessage}: as consecutive messages, or as a
 * head message with one thread reply per paper.
 *
 * <p>Retries live here, with the synchronous client (which never retries by itself): a 429 whose
 * {@code Retry-After} is short is waited out in place; a longer one becomes {@link
 * PostException.Kind#RATE_LIMITED} for the delivery worker to reschedule. Slack's {@code ok:false}
 * answers are never swallowed: each becomes a {@link PostException} carrying Slack's error code.
 *
 * <p>Calls are paced before they are sent ({@link SlackPacer}: one post per second per channel,
 * tiers per workspace for the rest), each with the token of the channel's workspace.
 *
 * <p>Every post is stamped with message metadata ({@code paperboy_post}, {@code {key, part, parts}})
 * so that {@link #findPosted} can tell, after a crash, whether a delivery already went out. The
 * look-back after a crash reads only the window since the interrupted attempt began, and one read
 * serves all of a channel's interrupted rows ({@link SlackLookBack}).
 *
 * <p>Over 300 lines because posting, the look-back that keeps it exactly-once and the one retry
 * and pacing path they share belong together; rendering, pacing and the look-back cache live in
 * their own classes.
 */
public final class SlackGateway implements ChannelGateway {

  /** Metadata event type on every message Paperboy posts. */
  public static final String METADATA_EVENT_TYPE = "paperboy_post";

  private static final int HISTORY_SCAN = 200;
  /** Pages one look-back reads at most (of {@link #HISTORY_SCAN}): bounded, even in a busy channel. */
  private static final int HISTORY_PAGES = 5;
  /** Slack's clock and ours may differ a little: the look-back starts this much before the attempt. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  /** The Web API client of a workspace (its bot token), or why there is none. */
  @FunctionalInterface
  public interface Clients {
    MethodsClient client(ChannelRef channel) throws PostException;
  }

  private final Clients clients;
  private final SlackRenderer renderer;
  private final Duration maxInlineWait;
  private final int maxRetries;
  private final SlackPacer pacer;
  private final SlackLookBack lookBack = new SlackLookBack();
  private final java.time.Clock realTime = java.time.Clock.systemUTC();
  /** auth.test per workspace: whose messages are the bot's own. */
  private final Map<String, AuthTestResponse> identity = new java.util.concurrent.ConcurrentHashMap<>();
  /** DM channel id by workspace and user id: conversations.open answers the same id each time, so ask once. */
  private final Map<String, String> directMessages = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * One workspace, calls not paced (only 429s are waited out): for a fake without limits, where
   * pacing would only slow tests down. Production gateways come from {@code create}, paced.
   *
   * @param client        a Web API client bound to the bot token (one workspace)
   * @param renderer      draws messages as Block Kit
   * @param maxInlineWait the longest {@code Retry-After} waited out in place; longer ones are thrown
   * @param maxRetries    how many 429s one call waits out before giving up
   */
  public SlackGateway(MethodsClient client, SlackRenderer renderer, Duration maxInlineWait, int maxRetries) {
    this(channel -> client, renderer, maxInlineWait, maxRetries, SlackPacer.unpaced());
    Objects.requireNonNull(client, "client");
  }

  /**
   * @param clients each workspace's client
   * @param pacer   spaces the calls before they are sent (shared by everything calling Slack)
   */
  public SlackGateway(Clients clients, SlackRenderer renderer, Duration maxInlineWait, int maxRetries,
      SlackPacer pacer) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.maxInlineWait = Objects.requireNonNull(maxInlineWait, "maxInlineWait");
    this.maxRetries = maxRetries;
    this.pacer = Objects.requireNonNull(pacer, "pacer");
  }

  /** A gateway for {@code botToken} that waits out 429s of up to 30 s, three times per call. */
  public static SlackGateway create(Slack slack, String botToken) {
    return create(slack, BotTokens.single(botToken), new SlackPacer());
  }

  /**
   * A gateway posting with each workspace's own token; a workspace without one is refused as
   * {@link PostException.Kind#FORBIDDEN} (the app is not installed there).
   */
  public static SlackGateway create(Slack slack, BotTokens tokens, SlackPacer pacer) {
    Map<String, MethodsClient> byToken = new java.util.concurrent.ConcurrentHashMap<>();
    Clients clients = channel -> {
      String token = tokens.token(channel.workspace()).orElseThrow(() -> new PostException(PostException.Kind.FORBIDDEN,
          "not_installed", "the Slack app is not installed in workspace " + channel.workspace()
          + " (install it through /slack/install)"));
      if (byToken.size() > 10_000) {
        byToken.clear(); // rotated tokens pile up otherwise
      }
      return byToken.computeIfAbsent(token, slack::methods);
    };
    return new SlackGateway(clients, new SlackRenderer(), Duration.ofSeconds(30), 3, pacer);
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
      Map<Integer, String> done = options.mayHavePosted() ? postedParts(channel, key, options) : Map.of();
      String root = done.containsKey(0) ? done.get(0)
          : send(channel, thread.head().get(0), Optional.empty(), key, 0, parts);
      ids.add(root);
      Map<Integer, String> inThread = options.mayHavePosted() && done.containsKey(0)
          ? postedParts(new ChannelRef(channel.platform(), channel.workspace(), channel.channel(), Optional.of(root)), key,
              options)
          : Map.of();
      List<SlackPost> rest = new ArrayList<>(thread.head().subList(1, thread.head().size()));
      rest.addAll(thread.replies());
      for (SlackPost post : rest) {
        int part = ids.size();
        ids.add(inThread.containsKey(part) ? inThread.get(part)
            : guardedSend(channel, post, Optional.of(root), options, part, parts));
      }
    } else {
      // DIGEST, FORUM (Slack has no forums) and anything posted into an existing thread
      List<SlackPost> posts = renderer.render(message);
      Map<Integer, String> done = options.mayHavePosted() ? postedParts(channel, key, options) : Map.of();
      for (SlackPost post : posts) {
        int part = ids.size();
        ids.add(done.containsKey(part) ? done.get(part)
            : guardedSend(channel, post, channel.thread(), options, part, posts.size()));
      }
    }
    return new PostReceipt(ids);
  }

  /** As {@link #post} sends them: the rendered posts, or in threads style the head posts and one reply per card. */
  @Override
  public int messages(Message message, PostStyle style) {
    return SlackPreview.messages(renderer, message, style);
  }

  /** The DM channel with the user a direct-message reference names ({@code conversations.open}). */
  private ChannelRef openDirectMessage(ChannelRef dm) throws PostException {
    String user = dm.directMessageUser().orElseThrow();
    String id = directMessages.get(dm.workspace() + ":" + user);
    if (id == null) {
      MethodsClient client = clients.client(dm);
      id = call("conversations.open", dm, () -> client.conversationsOpen(r -> r.users(List.of(user))))
          .getChannel().getId();
      directMessages.put(dm.workspace() + ":" + user, id);
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
    return postedParts(channel, key, Optional.empty());
  }

  /**
   * Like {@link #postedParts(ChannelRef, String)}; when the earlier attempt's start is known, the
   * read is narrowed to the messages since then ({@code oldest}, a little before it for clock
   * skew; {@code latest} now) and answers every key of the channel, so that the channel's other
   * interrupted rows need no read of their own.
   */
  Map<Integer, String> postedParts(ChannelRef channel, String key, Optional<Instant> earlierAttempt)
      throws PostException {
    return postedParts(channel, key, earlierAttempt, Optional.empty());
  }

  private Map<Integer, String> postedParts(ChannelRef channel, String key, PostOptions options) throws PostException {
    return postedParts(channel, key, options.earlierAttemptAt(), options.earlierAttemptStoppedBy());
  }

  /**
   * Like {@link #postedParts(ChannelRef, String, Optional)}; a cached read answers only if it was
   * made after {@code stoppedBy}, when the earlier attempt could post no more: a takeover of an
   * instance that paused past its lease must see what that instance posted up to then, and a read
   * from before (made for another row of the channel) may predate some of it.
   */
  Map<Integer, String> postedParts(ChannelRef channel, String key, Optional<Instant> earlierAttempt,
      Optional<Instant> stoppedBy) throws PostException {
    requireSlack(channel);
    Instant now = realTime.instant();
    // a pinned application clock (--now) may lie ahead of Slack's: then the window says nothing
    Optional<Instant> since = earlierAttempt.filter(t -> !t.isAfter(now));
    if (since.isEmpty()) {
      return byKey(channel, read(channel, Optional.empty(), now, 1)).getOrDefault(key, Map.of());
    }
    Optional<Map<Integer, String>> cached = lookBack.find(channel.key(), key, since.get(), stoppedBy, now);
    if (cached.isPresent()) {
      return cached.get();
    }
    Instant oldest = since.get().minus(CLOCK_SKEW);
    Map<String, Map<Integer, String>> all = byKey(channel, read(channel, Optional.of(oldest), now, HISTORY_PAGES));
    lookBack.store(channel.key(), oldest, now, all);
    return all.getOrDefault(key, Map.of());
  }

  /** Up to {@code pages} pages of the channel's (thread's) messages in {@code [oldest, latest]}, newest pages first. */
  private List<com.slack.api.model.Message> read(ChannelRef channel, Optional<Instant> oldest, Instant latest,
      int pages) throws PostException {
    MethodsClient client = clients.client(channel);
    List<com.slack.api.model.Message> all = new ArrayList<>();
    String oldestTs = oldest.map(SlackGateway::ts).orElse(null);
    String latestTs = ts(latest);
    String cursor = null;
    for (int page = 0; page < pages; page++) {
      final String pageCursor = cursor;
      final String pageLatest = latestTs;
      List<com.slack.api.model.Message> messages;
      boolean more;
      String next;
      if (channel.thread().isPresent()) {
        var r = call("conversations.replies", channel, () -> client.conversationsReplies(q -> q
            .channel(channel.channel()).ts(channel.thread().get()).limit(HISTORY_SCAN).includeAllMetadata(true)
            .oldest(oldestTs).latest(pageLatest).cursor(pageCursor)));
        messages = r.getMessages();
        more = r.isHasMore();
        next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      } else {
        var r = call("conversations.history", channel, () -> client.conversationsHistory(q -> q
            .channel(channel.channel()).limit(HISTORY_SCAN).includeAllMetadata(true)
            .oldest(oldestTs).latest(pageLatest).cursor(pageCursor)));
        messages = r.getMessages();
        more = r.isHasMore();
        next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      }
      if (messages == null || messages.isEmpty()) {
        break;
      }
      all.addAll(messages);
      if (!more) {
        break;
      }
      if (next != null && !next.isBlank()) {
        cursor = next;
      } else {
        // no cursor: page on by time, below the oldest message seen
        cursor = null;
        latestTs = messages.stream().map(com.slack.api.model.Message::getTs)
            .min(Comparator.comparing(java.math.BigDecimal::new)).orElse(latestTs);
      }
    }
    return all;
  }

  /** The bot's own stamped messages, by key and part (the earliest ts of a part wins). */
  private Map<String, Map<Integer, String>> byKey(ChannelRef channel, List<com.slack.api.model.Message> messages)
      throws PostException {
    AuthTestResponse me = identity(channel);
    Map<String, Map<Integer, String>> parts = new java.util.HashMap<>();
    messages.stream()
        .filter(m -> Objects.equals(m.getBotId(), me.getBotId()) || Objects.equals(m.getUser(), me.getUserId()))
        .filter(m -> m.getMetadata() != null && METADATA_EVENT_TYPE.equals(m.getMetadata().getEventType()))
        .filter(m -> m.getMetadata().getEventPayload() != null && m.getMetadata().getEventPayload().get("key") != null)
        .sorted(Comparator.comparing(m -> new java.math.BigDecimal(m.getTs())))
        .forEach(m -> parts.computeIfAbsent(String.valueOf(m.getMetadata().getEventPayload().get("key")),
            k -> new java.util.TreeMap<>()).putIfAbsent(partOf(m), m.getTs()));
    return parts;
  }

  private static String ts(Instant instant) {
    return String.format(java.util.Locale.ROOT, "%d.%06d", instant.getEpochSecond(), instant.getNano() / 1000);
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

  /** {@link #send}, once the post may go on (a part after the first asks its guard: the lease still held). */
  private String guardedSend(ChannelRef channel, SlackPost post, Optional<String> threadTs, PostOptions options, int part,
      int parts) throws PostException {
    options.checkBeforePart(part, channel.key());
    return send(channel, post, threadTs, options.idempotencyKey(), part, parts);
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
    MethodsClient client = clients.client(channel);
    ChatPostMessageResponse response;
    try {
      response = call("chat.postMessage", channel, () -> client.chatPostMessage(request));
    } catch (PostException e) {
      if (e.kind() == PostException.Kind.TRANSIENT) {
        // the message may have gone out: a cached history read of this channel no longer tells
        lookBack.forget(channel.key());
      }
      throw e;
    }
    lookBack.record(channel.key(), key, part, response.getTs());
    return response.getTs();
  }

  private AuthTestResponse identity(ChannelRef channel) throws PostException {
    AuthTestResponse me = identity.get(channel.workspace());
    if (me == null) {
      MethodsClient client = clients.client(channel);
      me = call("auth.test", channel, () -> client.authTest(r -> r));
      identity.put(channel.workspace(), me);
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
        pacer.acquire(method, channel.workspace(), channel.channel());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PostException(PostException.Kind.TRANSIENT, "interrupted",
            method + " to " + channel.key() + " was interrupted while pacing", Optional.empty(), e);
      }
      try {
        response = call.call();
        pacer.answered(method, channel.workspace(), channel.channel());
      } catch (SlackApiException e) {
        pacer.answered(method, channel.workspace(), channel.channel());
        int status = e.getResponse().code();
        if (status == 429) {
          Duration wait = SlackErrors.retryAfter(e.getResponse().header("Retry-After"));
          pacer.backOff(method, channel.workspace(), channel.channel(), wait);
          if (waited < maxRetries && wait.compareTo(maxInlineWait) <= 0) {
            // the pacer now holds every caller of this key until Retry-After has passed
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
