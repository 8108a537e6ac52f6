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
 * the bot; and a second guild {@link #OTHER_GUILD_ID} with its own text channel.
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
  final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
  private final AtomicLong snowflakes = new AtomicLong(1_600_000_000_000_000_000L);
  final Instant joined = Instant.parse("2024-06-01T00:00:00Z");
  final FakeGateway gateway = new FakeGateway(this);
  private final FakeRest rest = new FakeRest(this);

  /** An interaction sent to the bot, and whether it was acknowledged. */
  record Interaction(String id, String token, String guildId, String channelId, boolean acknowledged) {}

  /** A route scripted to fail once with a response. */
  record ScriptedFailure(String method, String pathRegex, MockResponse response) {}

  private FakeDiscord() {}

  /**
   * Starts the fake.
   *
   * @param botPermissions raw permissions of the bot's role (what the invite would grant)
   */
  public static FakeDiscord start(long botPermissions) throws IOException {
    FakeDiscord fake = new FakeDiscord();
    long everyone = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS;
    fake.addGuild(new FakeGuild(GUILD_ID, "Papers Club", OWNER_ID, everyone,
        List.of(new FakeGuild.Role(MANAGER_ROLE_ID, "Moderators", MANAGE_CHANNELS, 1),
            new FakeGuild.Role(BOT_ROLE_ID, BOT_NAME, botPermissions, 2)),
        List.of(new FakeGuild.Channel(TEXT_CHANNEL_ID, "papers", FakeGuild.ChannelType.TEXT),
            new FakeGuild.Channel(FORUM_CHANNEL_ID, "papers-forum", FakeGuild.ChannelType.FORUM),
            new FakeGuild.Channel(MEMBER_MANAGED_CHANNEL_ID, "reading-group", FakeGuild.ChannelType.TEXT,
                List.of(new FakeGuild.Overwrite(MEMBER_ID, true, MANAGE_CHANNELS, 0)))),
        List.of(new FakeGuild.Member(BOT_ID, BOT_NAME, true, List.of(BOT_ROLE_ID)),
            new FakeGuild.Member(MEMBER_ID, "reader", false, List.of()),
            new FakeGuild.Member(MANAGER_ID, "moderator", false, List.of(MANAGER_ROLE_ID)),
            new FakeGuild.Member(OWNER_ID, "owner", false, List.of()))));
    fake.addGuild(new FakeGuild(OTHER_GUILD_ID, "Other Server", OWNER_ID, everyone,
        List.of(new FakeGuild.Role("1400000000000000003", BOT_NAME, botPermissions, 1)),
        List.of(new FakeGuild.Channel(OTHER_CHANNEL_ID, "elsewhere", FakeGuild.ChannelType.TEXT)),
        List.of(new FakeGuild.Member(BOT_ID, BOT_NAME, true, List.of("1400000000000000003")),
            new FakeGuild.Member(OWNER_ID, "owner", false, List.of()))));
    fake.server.setServerSocketFactory(new NoDelayServerSocketFactory());
    fake.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return fake.route(request);
      }
    });
    fake.server.start(InetAddress.getByName("127.0.0.1"), 0);
    return fake;
  }

  private void addGuild(FakeGuild guild) {
    guilds.put(guild.id(), guild);
    for (FakeGuild.Channel c : guild.channels()) {
      channelGuild.put(c.id(), guild.id());
      if (c.type() == FakeGuild.ChannelType.FORUM) {
        forums.put(c.id(), guild.id());
      }
    }
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

  private MockResponse route(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/ws")) {
      return new MockResponse.Builder().webSocketUpgrade(gateway.newConnection()).build();
    }
    return rest.handle(request);
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
    failures.add(new ScriptedFailure(method, pathRegex, response));
  }

  /** The next request to the route gets Discord's error {@code code} with HTTP {@code status}. */
  public void failNext(String method, String pathRegex, int status, int code, String message) {
    failNext(method, pathRegex, new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json").body(FakePayloads.error(code, message).toString()).build());
  }

  /** The next request to the route gets a per-route 429 (not a Cloudflare ban: it carries {@code Via}). */
  public void rateLimitNext(String method, String pathRegex, double retryAfterSeconds) {
    ObjectNode body = FakePayloads.JSON.createObjectNode();
    body.put("message", "You are being rate limited.").put("retry_after", retryAfterSeconds).put("global", false);
    failNext(method, pathRegex, new MockResponse.Builder().code(429)
        .setHeader("Content-Type", "application/json")
        .setHeader("Via", "1.1 google")
        .setHeader("Retry-After", (int) Math.ceil(retryAfterSeconds))
        .setHeader("X-RateLimit-Bucket", "fake-bucket-" + Math.abs(pathRegex.hashCode()))
        .setHeader("X-RateLimit-Limit", 5)
        .setHeader("X-RateLimit-Remaining", 0)
        .setHeader("X-RateLimit-Reset-After", retryAfterSeconds)
        .setHeader("X-RateLimit-Scope", "user")
        .body(body.toString()).build());
  }

  /** Sends an interaction over the gateway; returns its id. */
  public String send(FakeInteraction interaction) {
    return gateway.sendInteraction(interaction);
  }

  /** Sends op 7 RECONNECT: the bot must reconnect and resume. */
  public void requestReconnect() {
    gateway.requestReconnect();
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
