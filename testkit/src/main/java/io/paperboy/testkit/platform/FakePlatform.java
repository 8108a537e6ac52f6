package io.paperboy.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback chat platform with two dialects, enough to prove exactly-once delivery end to end:
 *
 * <ul>
 *   <li>Discord-like {@code POST /discord/channels/{id}/messages} with {@code nonce} and
 *       {@code enforce_nonce}: a nonce seen before in the channel returns the existing message
 *       and posts nothing (Discord's documented nonce dedup).</li>
 *   <li>Slack-like {@code POST /slack/chat.postMessage} with a metadata marker: no dedup at all;
 *       {@code GET /slack/conversations.history?channel=} lists the channel's messages with their
 *       markers, so a client can look before posting again.</li>
 * </ul>
 *
 * Tests inject faults (429 with Retry-After, 5xx before or after storing the post, unknown or
 * forbidden channels), enforce Discord-like rate limits, and hook every step of a request (to
 * kill a client process at a precise moment).
 *
 * <p>Over 300 lines because the two dialects, the fault queue and the rate limits act on one
 * record of posts; a test reads that record to prove exactly-once, so it stays in one place.
 */
public final class FakePlatform implements AutoCloseable {

  /** Where in handling a request a hook runs. */
  public enum Point {
    /** A POST arrived; nothing stored yet. */
    POST_RECEIVED,
    /** The POST's message is stored (posted); no answer sent yet. */
    POST_STORED,
    /** The POST was answered. */
    POST_ANSWERED,
    /** A history request arrived; not answered yet. */
    HISTORY_RECEIVED
  }

  /** What happened, for a hook. */
  public record Event(Point point, String dialect, String channel, int postsThisDialect, int postsTotal) {}

  /** Runs at each point; may throw {@link Dropped} to end the request without an answer. */
  @FunctionalInterface
  public interface Hook {
    void on(Event event);
  }

  /** Thrown by a hook: the request is dropped where it is (nothing more stored, no answer). */
  public static final class Dropped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Dropped() {
      super("dropped by a test hook", null, false, false);
    }
  }

  /** One stored message. */
  public record Posted(String id, String channel, String key, String text) {}

  /** A fault to answer the next matching POST with. */
  public enum Fault {
    /** 429 with Retry-After; nothing posted. */
    RATE_LIMITED,
    /** 503 before storing: nothing posted. */
    UNAVAILABLE,
    /** The message is stored, then 502: the client cannot know it was posted. */
    POSTED_THEN_BAD_GATEWAY
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-platform");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, List<Posted>> channels = new ConcurrentHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Set<String> goneChannels = ConcurrentHashMap.newKeySet();
  private final Set<String> forbiddenChannels = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong(1_000);
  private final AtomicInteger discordPosts = new AtomicInteger();
  private final AtomicInteger slackPosts = new AtomicInteger();
  private final AtomicInteger dedupHits = new AtomicInteger();
  private final AtomicInteger historyCalls = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private volatile Hook hook = e -> { };
  private volatile long retryAfterMillis = 50;
  private volatile RateLimits limits;

  public FakePlatform() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/discord/channels/", this::discordPost);
    server.createContext("/slack/chat.postMessage", this::slackPost);
    server.createContext("/slack/conversations.history", this::slackHistory);
    server.setExecutor(executor);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void hook(Hook value) {
    hook = value;
  }

  /** The next POSTs (any dialect) meet these faults, in order. */
  public synchronized void queueFaults(List<Fault> list) {
    faults.addAll(list);
  }

  public synchronized int faultsLeft() {
    return faults.size();
  }

  public void retryAfterMillis(long value) {
    retryAfterMillis = value;
  }

  public void gone(String channel) {
    goneChannels.add(channel);
  }

  public void forbidden(String channel) {
    forbiddenChannels.add(channel);
  }

  public void enforce(RateLimits value) {
    limits = value;
  }

  /** What the channel holds, in posting order. */
  public List<Posted> postsIn(String channel) {
    synchronized (channels) {
      return List.copyOf(channels.getOrDefault(channel, List.of()));
    }
  }

  public Map<String, List<Posted>> allPosts() {
    synchronized (channels) {
      Map<String, List<Posted>> copy = new java.util.TreeMap<>();
      channels.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return copy;
    }
  }

  public int dedupHits() {
    return dedupHits.get();
  }

  public int historyCalls() {
    return historyCalls.get();
  }

  public int rateLimitedAnswers() {
    return rateLimited.get();
  }

  public int serverErrorAnswers() {
    return serverErrors.get();
  }

  private void discordPost(HttpExchange ex) throws IOException {
    try (ex) {
      discordPostUnguarded(ex);
    } catch (Dropped e) {
      // the test ended this request here: the connection closes without an answer
    }
  }

  private void discordPostUnguarded(HttpExchange ex) throws IOException {
    // /discord/channels/{id}/messages
    String[] parts = ex.getRequestURI().getPath().split("/");
    String channel = parts[3];
    JsonNode body = JSON.readTree(ex.getRequestBody());
    int n = discordPosts.incrementAndGet();
    hook.on(new Event(Point.POST_RECEIVED, "discord", channel, n, n + slackPosts.get()));
    if (refuse(ex, "discord", channel)) {
      return;
    }
    String nonce = body.path("nonce").asText();
    Posted posted;
    boolean stored = false;
    synchronized (channels) {
      List<Posted> list = channels.computeIfAbsent(channel, c -> new ArrayList<>());
      posted = body.path("enforce_nonce").asBoolean() ? list.stream().filter(p -> p.key().equals(nonce)).findFirst()
          .orElse(null) : null;
      if (posted == null) {
        posted = new Posted(String.valueOf(ids.incrementAndGet()), channel, nonce, body.path("content").asText());
        list.add(posted);
        stored = true;
      } else {
        dedupHits.incrementAndGet();
      }
    }
    if (stored) {
      hook.on(new Event(Point.POST_STORED, "discord", channel, n, n + slackPosts.get()));
    }
    if (afterStore(ex)) {
      return;
    }
    ObjectNode answer = JSON.createObjectNode().put("id", posted.id()).put("channel_id", channel)
        .put("nonce", nonce);
    send(ex, 200, answer);
    hook.on(new Event(Point.POST_ANSWERED, "discord", channel, n, n + slackPosts.get()));
  }

  private void slackPost(HttpExchange ex) throws IOException {
    try (ex) {
      slackPostUnguarded(ex);
    } catch (Dropped e) {
      // the test ended this request here: the connection closes without an answer
    }
  }

  private void slackPostUnguarded(HttpExchange ex) throws IOException {
    JsonNode body = JSON.readTree(ex.getRequestBody());
    String channel = body.path("channel").asText();
    int n = slackPosts.incrementAndGet();
    hook.on(new Event(Point.POST_RECEIVED, "slack", channel, n, n + discordPosts.get()));
    if (refuse(ex, "slack", channel)) {
      return;
    }
    Posted posted = new Posted(ids.incrementAndGet() + ".000100", channel,
        body.path("metadata").path("event_payload").path("key").asText(), body.path("text").asText());
    synchronized (channels) {
      channels.computeIfAbsent(channel, c -> new ArrayList<>()).add(posted);
    }
    hook.on(new Event(Point.POST_STORED, "slack", channel, n, n + discordPosts.get()));
    if (afterStore(ex)) {
      return;
    }
    send(ex, 200, JSON.createObjectNode().put("ok", true).put("channel", channel).put("ts", posted.id()));
    hook.on(new Event(Point.POST_ANSWERED, "slack", channel, n, n + discordPosts.get()));
  }

  private void slackHistory(HttpExchange ex) throws IOException {
    try (ex) {
      slackHistoryUnguarded(ex);
    } catch (Dropped e) {
      // the test ended this request here: the connection closes without an answer
    }
  }

  private void slackHistoryUnguarded(HttpExchange ex) throws IOException {
    String channel = query(ex.getRequestURI(), "channel");
    historyCalls.incrementAndGet();
    hook.on(new Event(Point.HISTORY_RECEIVED, "slack", channel, slackPosts.get(), slackPosts.get() + discordPosts.get()));
    ObjectNode answer = JSON.createObjectNode().put("ok", true);
    ArrayNode messages = answer.putArray("messages");
    for (Posted p : postsIn(channel)) {
      ObjectNode m = messages.addObject().put("ts", p.id()).put("text", p.text());
      m.putObject("metadata").put("event_type", "paperboy_post").putObject("event_payload").put("key", p.key());
    }
    send(ex, 200, answer);
  }

  /** Answers a fault, a missing or forbidden channel, or a rate limit before anything is stored. */
  private boolean refuse(HttpExchange ex, String dialect, String channel) throws IOException {
    if (goneChannels.contains(channel)) {
      if (dialect.equals("discord")) {
        send(ex, 404, JSON.createObjectNode().put("code", 10003).put("message", "Unknown Channel"));
      } else {
        send(ex, 200, JSON.createObjectNode().put("ok", false).put("error", "channel_not_found"));
      }
      return true;
    }
    if (forbiddenChannels.contains(channel)) {
      if (dialect.equals("discord")) {
        send(ex, 403, JSON.createObjectNode().put("code", 50001).put("message", "Missing Access"));
      } else {
        send(ex, 200, JSON.createObjectNode().put("ok", false).put("error", "not_in_channel"));
      }
      return true;
    }
    RateLimits l = limits;
    if (l != null) {
      long wait = l.acquire(channel);
      if (wait > 0) {
        rateLimited(ex, wait);
        return true;
      }
    }
    Fault fault = takeRefusal();
    if (fault == Fault.RATE_LIMITED) {
      rateLimited(ex, retryAfterMillis);
      return true;
    }
    if (fault == Fault.UNAVAILABLE) {
      serverErrors.incrementAndGet();
      send(ex, 503, JSON.createObjectNode().put("message", "service unavailable"));
      return true;
    }
    return false;
  }

  /**
   * Takes the next fault if it refuses a request before anything is stored; a peek and a separate
   * poll would let two concurrent requests both answer the head fault and drop the one behind it.
   */
  private synchronized Fault takeRefusal() {
    Fault head = faults.peek();
    if (head == Fault.RATE_LIMITED || head == Fault.UNAVAILABLE) {
      return faults.poll();
    }
    return null;
  }

  private boolean afterStore(HttpExchange ex) throws IOException {
    synchronized (this) {
      if (faults.peek() != Fault.POSTED_THEN_BAD_GATEWAY) {
        return false;
      }
      faults.poll();
    }
    serverErrors.incrementAndGet();
    send(ex, 502, JSON.createObjectNode().put("message", "bad gateway"));
    return true;
  }

  private void rateLimited(HttpExchange ex, long waitMillis) throws IOException {
    rateLimited.incrementAndGet();
    ex.getResponseHeaders().add("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
    send(ex, 429, JSON.createObjectNode().put("message", "You are being rate limited.")
        .put("retry_after", waitMillis / 1000.0).put("global", false));
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String query(URI uri, String name) {
    String q = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
