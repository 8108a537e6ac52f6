package io.paperboy.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A fake Slack on 127.0.0.1: the Web API under {@code /api/}, {@code response_url}s under
 * {@code /response/{id}}, and a Socket Mode WebSocket server. One workspace, one bot. Every call is
 * recorded; failures can be scripted per method.
 */
public final class FakeSlack implements AutoCloseable {

  public static final String TEAM_ID = "T0PAPER";
  public static final String BOT_USER_ID = "U0PAPERBOY";
  public static final String BOT_ID = "B0PAPERBOY";
  public static final String APP_ID = "A0PAPERBOY";
  public static final String BOT_TOKEN = "xoxb-1-fake-bot-token";
  public static final String APP_TOKEN = "xapp-1-fake-app-token";

  static final ObjectMapper JSON = new ObjectMapper();

  /** How the bot stands in a channel. */
  public enum Membership { MEMBER, NOT_IN_CHANNEL, ARCHIVED }

  static {
    // JDK HttpServer reads this once; without it every loopback call waits ~40 ms on Nagle
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  final Map<String, Membership> channels = new ConcurrentHashMap<>();
  final Map<String, boolean[]> users = new ConcurrentHashMap<>();
  final List<PostedMessage> messages = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
  private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
  private final Map<String, List<JsonNode>> responses = new ConcurrentHashMap<>();
  private final AtomicLong ts = new AtomicLong();
  private final HttpServer http;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-slack-http");
    t.setDaemon(true);
    return t;
  });
  private final FakeSocketModeServer socketMode;
  private final FakeWebApi api = new FakeWebApi(this);

  private FakeSlack() throws IOException, InterruptedException {
    QuietLogs.apply();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    http.setExecutor(executor);
    http.createContext("/api/", this::api);
    http.createContext("/response/", this::response);
    http.start();
    socketMode = FakeSocketModeServer.launch();
  }

  public static FakeSlack start() throws IOException, InterruptedException {
    return new FakeSlack();
  }

  /** The Web API base URL, for {@code slack.api-url}. */
  public URI apiUrl() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/api/");
  }

  /** A {@code response_url} whose posts {@link #responses(String)} returns. */
  public String responseUrl(String id) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/response/" + id;
  }

  public FakeSocketModeServer socketMode() {
    return socketMode;
  }

  public FakeSlack channel(String id, Membership membership) {
    channels.put(id, membership);
    return this;
  }

  public FakeSlack user(String id, boolean admin, boolean owner) {
    users.put(id, new boolean[] {admin, owner});
    return this;
  }

  /** The next call(s) of {@code method} fail this way, in order. */
  public FakeSlack script(String method, Scripted... failures) {
    scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(failures));
    return this;
  }

  public List<RecordedCall> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Messages accepted in a channel, in posting order. */
  public List<PostedMessage> messages(String channel) {
    return messages.stream().filter(m -> m.channel().equals(channel)).toList();
  }

  public List<JsonNode> responses(String id) {
    return List.copyOf(responses.getOrDefault(id, List.of()));
  }

  /** Waits (up to {@code timeout}) until {@code id} received {@code count} posts; returns them. */
  public List<JsonNode> awaitResponses(String id, int count, Duration timeout) throws InterruptedException {
    awaitCondition(() -> responses(id).size() >= count, timeout);
    return responses(id);
  }

  static void awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  synchronized String nextTs() {
    return String.format(Locale.ROOT, "1717700000.%06d", ts.incrementAndGet());
  }

  synchronized Scripted scripted(String method) {
    Deque<Scripted> queue = scripts.get(method);
    return queue == null ? null : queue.poll();
  }

  private void api(HttpExchange exchange) throws IOException {
    long at = System.nanoTime();
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> params = params(exchange, body);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
    FakeWebApi.Answer answer = api.handle(method, token, params);
    String error = answer.body().path("ok").asBoolean(false) ? null : answer.body().path("error").asText("unknown");
    calls.add(new RecordedCall(method, Map.copyOf(params), Map.copyOf(headers), at, answer.status(), error));
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    send(exchange, answer.status(), "application/json; charset=utf-8", JSON.writeValueAsBytes(answer.body()));
  }

  private void response(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/response/".length());
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    responses.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(body);
    send(exchange, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> params(HttpExchange exchange, String body) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (contentType.startsWith("application/json")) {
      JSON.readTree(body).properties().forEach(e ->
          params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    } else {
      decodeForm(body, params);
    }
    if (query != null) {
      decodeForm(query, params);
    }
    return params;
  }

  private static void decodeForm(String form, Map<String, String> into) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.put(key, value);
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Every accepted message, as the blocks of all channels in posting order (for whole-day checks). */
  public List<PostedMessage> allMessages() {
    return new ArrayList<>(messages);
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    try {
      socketMode.stop(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
