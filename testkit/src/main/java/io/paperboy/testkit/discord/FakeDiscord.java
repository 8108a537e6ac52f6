package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Discord on 127.0.0.1: one {@link MockWebServer} serves the REST API under {@code /api/v10} and
 * upgrades {@code /ws} to the gateway. Accepted sockets have TCP_NODELAY (loopback otherwise
 * stalls ~40 ms per request). Create it with {@link #start(long)}, point JDA at {@link #apiUrl()}
 * and {@link #gatewayUrl()}, and close it after the test.
 *
 * <p>The world it serves: guild {@link #GUILD_ID} with a text channel and a forum channel, roles
 * for managers and for the bot, members {@link #MEMBER_ID} (no manager), {@link #MANAGER_ID} and
 * the bot; a second guild {@link #OTHER_GUILD_ID} with its own text channel; and any guilds added
 * with {@link FakeDiscordBuilder#guild(FakeGuild)}.
 *
 * <p>What scale-out needs, configured with {@link #builder(long)}: Discord's REST rate limits
 * ({@link DiscordLimits}; off by default), counted per token ({@link #requestCounts(String)});
 * {@code GET /gateway/bot} with a recommended shard count and session start limit; sharded
 * sessions, each guild on shard {@code (guild_id >> 22) % shard_count} ({@link #shards()},
 * {@link #disconnectShard(int, Disconnect)}); and file uploads ({@link #uploads()}).
 *
 * <p>Over 300 lines because it is the one facade tests script and query (world, recorded calls,
 * counts, shards, uploads, waits); the protocol work lives in {@link FakeRest},
 * {@link FakeGateway}, {@link RestLimiter} and {@link FakeAttachments}.
 */
public final class FakeDiscord implements AutoCloseable {

  public static final String BOT_ID = "1100000000000000001";
  public static final String BOT_NAME = "Paperboy";
  public static final String GUILD_ID = "1200000000000000001";
  public static final String OTHER_GUILD_ID = "1200000000000000002";
  public static final String TEXT_CHANNEL_ID = "1300000000000000001";
  public static final String FORUM_CHANNEL_ID = "1300000000000000002";
  public static final String OTHER_CHANNEL_ID = "1300000000000000003";
  /** A text channel whose overwrite lets {@link #MEMBER_ID} manage it. */
  public static final String MEMBER_MANAGED_CHANNEL_ID = "1300000000000000004";
  public static final String MANAGER_ROLE_ID = "1400000000000000001";
  public static final String BOT_ROLE_ID = "1400000000000000002";
  public static final String MEMBER_ID = "1500000000000000001";
  public static final String MANAGER_ID = "1500000000000000002";
  public static final String OWNER_ID = "1500000000000000003";

  /** Discord permission bits the fake's roles use. */
  public static final long VIEW_CHANNEL = 1L << 10;
  public static final long SEND_MESSAGES = 1L << 11;
  public static final long READ_MESSAGE_HISTORY = 1L << 16;
  public static final long USE_APPLICATION_COMMANDS = 1L << 31;
  public static final long MANAGE_CHANNELS = 1L << 4;

  final MockWebServer server = new MockWebServer();
  final Map<String, FakeGuild> guilds = new ConcurrentHashMap<>();
  final Map<String, String> channelGuild = new ConcurrentHashMap<>();
  final Map<String, String> forums = new ConcurrentHashMap<>();
  /** Direct-message channel id by user id, opened through POST /users/@me/channels. */
  public final Map<String, String> dmChannels = new ConcurrentHashMap<>();
  final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
  final List<RecordedCall> unhandled = new CopyOnWriteArrayList<>();
  final List<ScriptedFailure> failures = new CopyOnWriteArrayList<>();
  final List<ObjectNode> commands = new CopyOnWriteArrayList<>();
  /** Threads the bot created, by id: what {@code GET /guilds/{id}/threads/active} lists. */
  final Map<String, ObjectNode> threads = new ConcurrentHashMap<>();
  /** Messages posted, by {@code channel/message} id, for {@code GET /channels/{c}/messages/{m}}. */
  final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
  /** Messages by {@code channel:nonce}, for {@code enforce_nonce} (Discord keeps them a few minutes). */
  final Map<String, ObjectNode> nonces = new ConcurrentHashMap<>();
  final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
  final List<UploadedFile> uploads = new CopyOnWriteArrayList<>();
  final java.util.Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();
  private final Map<String, RequestCounts> counts = new ConcurrentHashMap<>();
  private final AtomicLong snowflakes = new AtomicLong(1_600_000_000_000_000_000L);
  final Instant joined = Instant.parse("2024-06-01T00:00:00Z");
  final RestLimiter limiter;
  final int recommendedShards;
  final int maxConcurrency;
  final int sessionStartLimit;
  private final Instant sessionStartReset = Instant.now().plus(Duration.ofDays(1));
  final FakeGateway gateway;
  private final FakeRest rest = new FakeRest(this);

  /** An interaction sent to the bot, whether it was acknowledged, and the message its response created. */
  record Interaction(String id, String token, String guildId, String channelId, boolean acknowledged,
      String responseMessageId) {
    Interaction(String id, String token, String guildId, String channelId, boolean acknowledged) {
      this(id, token, guildId, channelId, acknowledged, null);
    }

    Interaction acknowledge(String messageId) {
      return new Interaction(id, token, guildId, channelId, true, messageId);
    }
  }

  /** A route scripted to fail once with a response (made from the request's path). */
  record ScriptedFailure(String method, String pathRegex, java.util.function.Function<String, MockResponse> response) {}

  /** How {@link #disconnectShard(int, Disconnect)} takes a shard's connection away. */
  public enum Disconnect {
    /** Discord's op 7 RECONNECT: the client closes, reconnects and resumes. */
    RECONNECT,
    /** The TCP connection drops without a close frame; the client notices, reconnects and resumes. */
    DROP
  }

  FakeDiscord(FakeDiscordBuilder builder) {
    this.limiter = new RestLimiter(builder.limits, BOT_ID);
    this.recommendedShards = builder.recommendedShards;
    this.maxConcurrency = builder.maxConcurrency;
    this.sessionStartLimit = builder.sessionStartLimit;
    this.gateway = new FakeGateway(this);
  }

  /** A fake to configure before it starts (limits, shards, more guilds). */
  public static FakeDiscordBuilder builder(long botPermissions) {
    return new FakeDiscordBuilder(botPermissions);
  }

  /**
   * Starts the fake with limits off and one recommended shard, as every test before scale-out
   * expects.
   *
   * @param botPermissions raw permissions of the bot's role (what the invite would grant)
   */
  public static FakeDiscord start(long botPermissions) throws IOException {
    return builder(botPermissions).start();
  }

  void serve(long botPermissions, List<FakeGuild> extraGuilds) throws IOException {
    FakeDiscord fake = this;
    fake.addGuild(FakeGuild.papersClub(botPermissions));
    fake.addGuild(FakeGuild.otherServer(botPermissions));
    extraGuilds.forEach(fake::addGuild);
    fake.server.setServerSocketFactory(new NoDelayServerSocketFactory());
    fake.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return fake.route(request);
      }
    });
    fake.server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  private void addGuild(FakeGuild guild) {
    if (guilds.containsKey(guild.id())) {
      throw new IllegalArgumentException("guild " + guild.id() + " is already in the fake");
    }
    for (FakeGuild.Channel c : guild.channels()) {
      if (channelGuild.containsKey(c.id())) {
        throw new IllegalArgumentException("channel " + c.id() + " of guild " + guild.id() + " is already in guild "
            + channelGuild.get(c.id()));
      }
    }
    guilds.put(guild.id(), guild);
    for (FakeGuild.Channel c : guild.channels()) {
      channelGuild.put(c.id(), guild.id());
      if (c.type() == FakeGuild.ChannelType.FORUM) {
        forums.put(c.id(), guild.id());
      }
    }
  }

  /** The port REST and the gateway share on 127.0.0.1. */
  public int port() {
    return server.getPort();
  }

  /** REST base URL for JDA's {@code RestConfig}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
  }

  /** Gateway URL for JDA's session controller. */
  public String gatewayUrl() {
    return "ws://127.0.0.1:" + server.getPort() + "/ws";
  }

  public String applicationId() {
    return BOT_ID;
  }

  /** Where the fake serves an uploaded file (its stand-in for {@code cdn.discordapp.com}). */
  String attachmentUrl(String channelId, String attachmentId, String filename) {
    return "http://127.0.0.1:" + server.getPort() + "/attachments/" + channelId + "/" + attachmentId + "/"
        + okhttp3.HttpUrl.parse("http://x/").newBuilder().addPathSegment(filename).build().encodedPath().substring(1);
  }

  private MockResponse route(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/ws")) {
      return new MockResponse.Builder().webSocketUpgrade(gateway.newConnection()).build();
    }
    if (path.startsWith("/attachments/") && request.getMethod().equals("GET")) {
      String[] parts = path.split("/");
      return uploads.stream().filter(u -> parts.length >= 4 && u.attachmentId().equals(parts[3])).findFirst()
          .map(u -> new MockResponse.Builder().code(200)
              .setHeader("Content-Type", FakeAttachments.contentType(u.file()))
              .body(new okio.Buffer().write(u.bytes())).build())
          .orElse(new MockResponse.Builder().code(404).build());
    }
    return rest.handle(request);
  }

  /** {@code GET /gateway/bot}, as Discord answers it. */
  ObjectNode gatewayBot() {
    ObjectNode body = FakePayloads.JSON.createObjectNode();
    body.put("url", gatewayUrl()).put("shards", recommendedShards);
    body.putObject("session_start_limit").put("total", sessionStartLimit)
        .put("remaining", gateway.sessionStartsLeft())
        .put("reset_after", Math.max(0, Duration.between(Instant.now(), sessionStartReset).toMillis()))
        .put("max_concurrency", maxConcurrency);
    return body;
  }

  DiscordLimits limits() {
    return limiter.limits();
  }

  void count(String token, MockResponse response) {
    counts.merge(token, RequestCounts.NONE.with(response.getCode(), response.getHeaders().get("X-RateLimit-Scope")),
        RequestCounts::plus);
  }

  void record(RecordedCall call, boolean handled) {
    synchronized (calls) {
      calls.add(call);
      if (!handled) {
        unhandled.add(call);
      }
      calls.notifyAll();
    }
  }

  /** Called with each REST call after the fake acted on it and before the answer leaves. */
  private volatile java.util.function.Consumer<RecordedCall> answerHook = c -> { };

  /**
   * Runs {@code hook} for each REST call once the fake has acted on it (a post stored, a thread
   * created) and before its answer is sent: the moment a crash test kills the client, so that the
   * effect exists and the client never learns of it. One hook at a time; it runs on the server's
   * thread for that connection.
   */
  public void beforeAnswer(java.util.function.Consumer<RecordedCall> hook) {
    answerHook = java.util.Objects.requireNonNull(hook, "hook");
  }

  void answering(RecordedCall call) {
    answerHook.accept(call);
  }

  String nextId() {
    return Long.toString(snowflakes.incrementAndGet());
  }

  // ---- what tests see and script ----

  /** Every REST request so far, in arrival order. */
  public List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  public List<RecordedCall> calls(String method, String pathRegex) {
    return calls.stream().filter(c -> c.is(method, pathRegex)).toList();
  }

  /** Requests to routes Discord has but the fake does not serve; a test wants none. */
  public List<RecordedCall> unhandled() {
    return List.copyOf(unhandled);
  }

  /** The commands registered through the bulk overwrite, as the fake stored them. */
  public List<ObjectNode> registeredCommands() {
    return List.copyOf(commands);
  }

  /** The next request matching the route gets {@code response} instead of its normal answer. */
  public void failNext(String method, String pathRegex, MockResponse response) {
    failures.add(new ScriptedFailure(method, pathRegex, path -> response));
  }

  /** The next request to the route gets Discord's error {@code code} with HTTP {@code status}. */
  public void failNext(String method, String pathRegex, int status, int code, String message) {
    failNext(method, pathRegex, new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json").body(FakePayloads.error(code, message).toString()).build());
  }

  /** The next request to the route gets a per-route 429 (not a Cloudflare ban: it carries {@code Via}). */
  public void rateLimitNext(String method, String pathRegex, double retryAfterSeconds) {
    rateLimitNext(method, pathRegex, retryAfterSeconds, "user");
  }

  /**
   * The next request to the route gets a 429 of {@code scope} ({@code user}, or {@code shared} for
   * a per-resource limit, which Discord does not count as invalid), with Discord's body and headers.
   */
  public void rateLimitNext(String method, String pathRegex, double retryAfterSeconds, String scope) {
    failures.add(new ScriptedFailure(method, pathRegex, path ->
        RestLimiter.scripted(RestLimiter.route(method, path, BOT_ID).bucketHash(), retryAfterSeconds, scope)));
  }

  /** From now on every request with this bot token is answered 401, as Discord does for a reset token. */
  public void rejectToken(String token) {
    rejectedTokens.add(token);
  }

  /** What the fake answered requests with {@code token} (the part after {@code "Bot "}). */
  public RequestCounts requestCounts(String token) {
    return counts.getOrDefault(token, RequestCounts.NONE);
  }

  /** What the fake answered, all tokens together. */
  public RequestCounts requestCounts() {
    return counts.values().stream().reduce(RequestCounts.NONE, RequestCounts::plus);
  }

  /** Every file accepted as an attachment, in arrival order. */
  public List<UploadedFile> uploads() {
    return List.copyOf(uploads);
  }

  /** Files attached to messages in {@code channelId}, in arrival order. */
  public List<UploadedFile> uploads(String channelId) {
    return uploads.stream().filter(u -> u.channelId().equals(channelId)).toList();
  }

  /** Sends an interaction over the gateway; returns its id. */
  public String send(FakeInteraction interaction) {
    return gateway.sendInteraction(interaction);
  }

  /** Sends op 7 RECONNECT to every connected session: each must reconnect and resume. */
  public void requestReconnect() {
    gateway.requestReconnect();
  }

  /** Takes shard {@code shardId}'s connection away; its session stays resumable. */
  public void disconnectShard(int shardId, Disconnect how) {
    gateway.disconnect(shardId, how);
  }

  /** Every shard id that tried to identify, in id order. */
  public List<ShardState> shards() {
    return gateway.shards();
  }

  /** Waits until shard {@code shardId} satisfies {@code condition} (fails the test after {@code timeout}). */
  public ShardState awaitShard(int shardId, Predicate<ShardState> condition, Duration timeout) {
    return gateway.awaitShard(shardId, condition, timeout);
  }

  /** The ids of the fake's guilds that Discord would put on shard {@code shardId} of {@code shardCount}, sorted. */
  public List<String> guildIdsOnShard(int shardId, int shardCount) {
    return guilds.keySet().stream().filter(g -> FakeGateway.shardOf(g, shardCount) == shardId).sorted().toList();
  }

  /**
   * A snowflake for a guild that lands on shard {@code shardId} of {@code shardCount}
   * ({@code (id >> 22) % shardCount == shardId}); {@code ordinal} tells several apart.
   */
  public static String guildIdOnShard(int shardId, int shardCount, int ordinal) {
    long timestamp = 300_000_000_000L + (long) ordinal * shardCount;
    timestamp += Math.floorMod(shardId - timestamp, shardCount);
    return Long.toString((timestamp << 22) | (ordinal & 0xFFF));
  }

  public int identifies() {
    return gateway.identifies.get();
  }

  public int resumes() {
    return gateway.resumes.get();
  }

  /** Waits for a request matching {@code predicate} (fails the test after {@code timeout}). */
  public RecordedCall await(Predicate<RecordedCall> predicate, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (calls) {
      while (true) {
        for (RecordedCall c : calls) {
          if (predicate.test(c)) {
            return c;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching request within " + timeout + "; saw " + calls);
        }
        try {
          calls.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  public RecordedCall await(String method, String pathRegex) {
    return await(c -> c.is(method, pathRegex), Duration.ofSeconds(10));
  }

  /** The interaction callback (reply or defer) for interaction {@code id}. */
  public RecordedCall awaitCallback(String id) {
    return await("POST", "/interactions/" + id + "/[^/]+/callback");
  }

  /** Polls {@code condition} until true (fails the test after {@code timeout}). */
  public static void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  static JsonNode parse(String body) {
    if (body == null || body.isEmpty()) {
      return MissingNode.getInstance();
    }
    try {
      return FakePayloads.JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("request body is not JSON: " + body, e);
    }
  }

  @Override
  public void close() {
    gateway.close();
    server.close();
  }
}
