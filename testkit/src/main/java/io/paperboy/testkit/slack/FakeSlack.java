package io.paperboy.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A fake Slack on 127.0.0.1: the Web API under {@code /api/}, {@code response_url}s under
 * {@code /response/{id}}, upload URLs under {@code /upload/}, and a Socket Mode WebSocket server.
 * Every call is recorded; failures can be scripted per method.
 *
 * <p>The app is installed in workspace {@link #TEAM_ID} with {@link #BOT_TOKEN}; the methods
 * without a team ({@link #channel}, {@link #messages}, …) are that team's. More workspaces come
 * from {@link #addTeam}, each with its own bot user, token, channels and messages; a token only
 * ever sees its own team. For scale-out: Slack's rate limits ({@link #limits(SlackLimits)}, off by
 * default) counted per method and token ({@link #counts}), the OAuth v2 install flow
 * ({@link #issueCode}, {@code oauth.v2.access}, token rotation), revocation and uninstall with the
 * events Slack sends for them ({@link #revokeTokens}, {@link #uninstall}), and file uploads
 * ({@link FakeTeam#uploads}).
 *
 * <p>Over 300 lines because it is the one facade tests script and query; the protocol work lives
 * in {@link FakeWebApi}, {@link FakeOAuth}, {@link FakeFiles}, {@link SlackTokens} and
 * {@link SlackRateLimiter}.
 */
public final class FakeSlack implements AutoCloseable {

  public static final String TEAM_ID = "T0PAPER";
  public static final String BOT_USER_ID = "U0PAPERBOY";
  public static final String BOT_ID = "B0PAPERBOY";
  public static final String APP_ID = "A0PAPERBOY";
  public static final String BOT_TOKEN = "xoxb-1-fake-bot-token";
  public static final String APP_TOKEN = "xapp-1-fake-app-token";
  /** The app's OAuth client id and secret, which {@code oauth.v2.access} checks. */
  public static final String CLIENT_ID = "1111111111.2222222222";
  public static final String CLIENT_SECRET = "fake-client-secret";
  /** The bot scopes an installation is granted unless {@link #botScopes(String)} says otherwise. */
  public static final String DEFAULT_BOT_SCOPES = "commands,chat:write,chat:write.public,im:write,users:read,"
      + "channels:history,groups:history,files:write";

  static final ObjectMapper JSON = new ObjectMapper();

  /** How the bot stands in a channel. */
  public enum Membership { MEMBER, NOT_IN_CHANNEL, ARCHIVED }

  static {
    // JDK HttpServer reads this once; without it every loopback call waits ~40 ms on Nagle
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  final List<PostedMessage> messages = new CopyOnWriteArrayList<>();
  private final Map<String, FakeTeam> teams = new ConcurrentHashMap<>();
  private final FakeTeam defaultTeam;
  final SlackTokens tokens = new SlackTokens();
  final SlackRateLimiter limiter = new SlackRateLimiter(SlackLimits.off());
  /** Who installed the app in each team (the {@code authed_user} of its installation). */
  final Map<String, String> installers = new ConcurrentHashMap<>();
  volatile String botScopes = DEFAULT_BOT_SCOPES;
  private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
  private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
  private final Map<String, CallCounts> counts = new ConcurrentHashMap<>();
  private final Map<String, List<JsonNode>> responses = new ConcurrentHashMap<>();
  private final AtomicLong ts = new AtomicLong();
  private final HttpServer http;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-slack-http");
    t.setDaemon(true);
    return t;
  });
  private final FakeSocketModeServer socketMode;
  private final FakeFiles files = new FakeFiles(this);
  private final FakeWebApi api = new FakeWebApi(this, files);

  private FakeSlack() throws IOException, InterruptedException {
    QuietLogs.apply();
    defaultTeam = new FakeTeam(TEAM_ID, "Paperboy Test", BOT_USER_ID, BOT_ID, Optional.empty(), messages);
    teams.put(TEAM_ID, defaultTeam);
    tokens.add(BOT_TOKEN, SlackTokens.Kind.BOT, TEAM_ID);
    tokens.add(APP_TOKEN, SlackTokens.Kind.APP, TEAM_ID);
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    http.setExecutor(executor);
    http.createContext("/api/", this::api);
    http.createContext("/response/", this::response);
    http.createContext("/upload/", this::upload);
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

  String uploadUrl(String fileId) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/upload/v1/" + fileId;
  }

  public FakeSocketModeServer socketMode() {
    return socketMode;
  }

  // ---- workspaces and tokens ----

  /** The workspace the app starts installed in ({@link #TEAM_ID}, token {@link #BOT_TOKEN}). */
  public FakeTeam defaultTeam() {
    return defaultTeam;
  }

  /**
   * Adds a workspace with its own bot user ({@code U<id>BOT}, {@code B<id>BOT}) and a long-lived
   * bot token ({@link #botToken(String)}), as if the app had been installed there earlier.
   */
  public FakeTeam addTeam(String teamId, String name) {
    return addTeam(teamId, name, Optional.empty());
  }

  /** {@link #addTeam(String, String)} in an Enterprise Grid organization. */
  public FakeTeam addTeam(String teamId, String name, Optional<String> enterpriseId) {
    String suffix = teamId.replaceFirst("^T", "");
    FakeTeam team = new FakeTeam(teamId, name, "U" + suffix + "BOT", "B" + suffix + "BOT", enterpriseId, messages);
    if (teams.putIfAbsent(teamId, team) != null) {
      throw new IllegalArgumentException("team " + teamId + " already exists");
    }
    tokens.add(botToken(teamId), SlackTokens.Kind.BOT, teamId);
    return team;
  }

  /** The long-lived bot token a team was created with. */
  public String botToken(String teamId) {
    return teamId.equals(TEAM_ID) ? BOT_TOKEN : "xoxb-" + teamId + "-fake-bot-token";
  }

  /** The workspace {@code teamId}; fails for one the fake does not have. */
  public FakeTeam team(String teamId) {
    FakeTeam team = teams.get(teamId);
    if (team == null) {
      throw new IllegalArgumentException("no team " + teamId + " in the fake (add it with addTeam)");
    }
    return team;
  }

  /**
   * Turns the app's token rotation on: installations and refreshes then answer a rotating
   * {@code xoxe.xoxb-} access token that expires after {@code lifetime} (Slack: 12 hours), with a
   * single-use {@code xoxe-} refresh token and {@code expires_in}.
   */
  public FakeSlack tokenRotation(Duration lifetime) {
    tokens.rotation = Optional.of(lifetime);
    return this;
  }

  /**
   * The clock token expiry and code expiry are judged by (the system clock unless set): move it
   * past {@code expires_in} to see {@code token_expired} without waiting 12 hours.
   */
  public FakeSlack clock(java.time.Clock clock) {
    tokens.clock = clock;
    return this;
  }

  public FakeSlack botScopes(String commaSeparated) {
    this.botScopes = commaSeparated;
    return this;
  }

  /**
   * What Slack's OAuth redirect would bring the app after {@code installerUserId} approved the
   * install in {@code teamId}: a one-time code for {@code oauth.v2.access} (ten minutes).
   */
  public String issueCode(String teamId, String installerUserId) {
    team(teamId);
    return tokens.issueCode(teamId, installerUserId, Optional.empty());
  }

  /** {@link #issueCode(String, String)} for an authorize request that named {@code redirectUri}. */
  public String issueCode(String teamId, String installerUserId, String redirectUri) {
    team(teamId);
    return tokens.issueCode(teamId, installerUserId, Optional.of(redirectUri));
  }

  String installer(String teamId) {
    return installers.getOrDefault(teamId, "U0INSTALLER");
  }

  /**
   * Revokes every bot token of the team (an admin revoked them); returns the {@code tokens_revoked}
   * event Slack then sends, to deliver with {@link SignedRequests#postJson}.
   */
  public String revokeTokens(String teamId) {
    FakeTeam team = team(teamId);
    tokens.revokeBotTokens(teamId);
    return SlackEvents.tokensRevoked(team, List.of(), List.of(team.botUserId()));
  }

  /** Uninstalls the app from the team (its tokens stop working); returns the {@code app_uninstalled} event. */
  public String uninstall(String teamId) {
    FakeTeam team = team(teamId);
    tokens.revokeBotTokens(teamId);
    return SlackEvents.appUninstalled(team);
  }

  // ---- limits and counts ----

  /** Enforces these limits from now on (buckets start full). */
  public FakeSlack limits(SlackLimits limits) {
    limiter.limits(limits);
    return this;
  }

  /** Calls of {@code method} with {@code token} (for {@code oauth.v2.access}: the client id). */
  public CallCounts counts(String method, String token) {
    return counts.getOrDefault(method + " " + token, CallCounts.NONE);
  }

  /** Calls of {@code method}, all tokens together. */
  public CallCounts counts(String method) {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith(method + " ")).map(Map.Entry::getValue)
        .reduce(CallCounts.NONE, CallCounts::plus);
  }

  // ---- the default team, as before there were several ----

  public FakeSlack channel(String id, Membership membership) {
    defaultTeam.channel(id, membership);
    return this;
  }

  public FakeSlack user(String id, boolean admin, boolean owner) {
    defaultTeam.user(id, admin, owner);
    return this;
  }

  /** Messages accepted in a channel of the default team, in posting order. */
  public List<PostedMessage> messages(String channel) {
    return defaultTeam.messages(channel);
  }

  /** Every accepted message of every team, in posting order (for whole-day checks). */
  public List<PostedMessage> allMessages() {
    return new ArrayList<>(messages);
  }

  // ---- scripts, records, responses ----

  /** The next call(s) of {@code method} fail this way, in order. */
  public FakeSlack script(String method, Scripted... failures) {
    scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(failures));
    return this;
  }

  public List<RecordedCall> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
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

  /**
   * A message ts as Slack makes them: the posting time in seconds with six decimals, unique and
   * increasing within the fake (so that {@code oldest}/{@code latest} windows mean what they mean).
   */
  synchronized String nextTs() {
    long micros = java.time.Instant.now().toEpochMilli() * 1000;
    long next = Math.max(micros, ts.get() + 1);
    ts.set(next);
    return String.format(Locale.ROOT, "%d.%06d", next / 1_000_000, next % 1_000_000);
  }

  synchronized Scripted scripted(String method) {
    Deque<Scripted> queue = scripts.get(method);
    return queue == null ? null : queue.poll();
  }

  private void api(HttpExchange exchange) throws IOException {
    long at = System.nanoTime();
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> params = SlackHttp.params(exchange, body);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String token = SlackHttp.bearer(authorization).orElse(params.get("token"));
    FakeWebApi.Answer answer = api.handle(method, authorization, token, params);
    String error = answer.body().path("ok").asBoolean(false) ? null : answer.body().path("error").asText("unknown");
    calls.add(new RecordedCall(method, Map.copyOf(params), Map.copyOf(headers), at, answer.status(), error));
    String countedAs = method.equals("oauth.v2.access") ? FakeOAuth.clientId(authorization, params) : String.valueOf(token);
    counts.merge(method + " " + countedAs, new CallCounts(1, answer.status() == 429 ? 1 : 0), CallCounts::plus);
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    SlackHttp.send(exchange, answer.status(), "application/json; charset=utf-8", JSON.writeValueAsBytes(answer.body()));
  }

  private void response(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/response/".length());
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    responses.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(body);
    SlackHttp.send(exchange, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
  }

  /** The upload URL of {@code files.getUploadURLExternal}: takes the bytes, answers like Slack ("OK - n"). */
  private void upload(HttpExchange exchange) throws IOException {
    String fileId = exchange.getRequestURI().getPath().replaceFirst("^/upload/v1/", "");
    byte[] bytes = SlackHttp.uploadedBytes(exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestBody().readAllBytes());
    boolean known = exchange.getRequestMethod().equals("POST") && files.receive(fileId, bytes);
    SlackHttp.send(exchange, known ? 200 : 404, "text/plain; charset=utf-8",
        (known ? "OK - " + bytes.length : "Not Found").getBytes(StandardCharsets.UTF_8));
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
