package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The gateway side of the fake, one session per IDENTIFY as Discord keeps them: HELLO on connect,
 * READY and the shard's GUILD_CREATEs on IDENTIFY (a guild belongs to shard
 * {@code (guild_id >> 22) % shard_count}; no {@code shard} field means shard 0 of 1), heartbeat
 * ACKs, op 9 INVALID_SESSION for an IDENTIFY over {@code max_concurrency} per 5 s (when limits are
 * enforced), close 4010 for an invalid shard. Every dispatch is numbered and kept per session, so a
 * RESUME (op 6) after op 7 or a dropped socket replays what the client missed and ends with
 * RESUMED, as Discord does. JSON encoding, no compression.
 *
 * <p>Longer than most classes here because session bookkeeping, identify limits, resume replay
 * and routing belong to one state machine; split, each part would reach into the others' state.
 */
final class FakeGateway {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** One gateway session: survives reconnects until the client closes it for good or it is invalidated. */
  private static final class Session {
    final String id;
    final int shardId;
    final int shardCount;
    final List<String> guildIds;
    final List<ObjectNode> sent = new ArrayList<>();
    WebSocket socket;
    int sequence;

    Session(String id, int shardId, int shardCount, List<String> guildIds) {
      this.id = id;
      this.shardId = shardId;
      this.shardCount = shardCount;
      this.guildIds = guildIds;
    }
  }

  /** Counters per shard id. */
  private static final class Tally {
    int shardCount;
    int identifies;
    int refused;
    int resumes;
    Session latest;
  }

  private final FakeDiscord fake;
  private final Object lock = new Object();
  private final Map<String, Session> sessions = new HashMap<>();
  private final Map<Integer, Tally> tallies = new HashMap<>();
  /** Rate-limit key ({@code shard_id % max_concurrency}) → when it last identified. */
  private final Map<Integer, Long> lastIdentify = new HashMap<>();
  private final AtomicInteger sessionCounter = new AtomicInteger();
  final AtomicInteger identifies = new AtomicInteger();
  final AtomicInteger resumes = new AtomicInteger();
  private int sessionStartsLeft;

  FakeGateway(FakeDiscord fake) {
    this.fake = fake;
    this.sessionStartsLeft = fake.sessionStartLimit;
  }

  int sessionStartsLeft() {
    synchronized (lock) {
      return sessionStartsLeft;
    }
  }

  static int shardOf(String guildId, int shardCount) {
    return (int) ((Long.parseLong(guildId) >> 22) % shardCount);
  }

  WebSocketListener newConnection() {
    return new WebSocketListener() {
      @Override
      public void onOpen(WebSocket socket, Response response) {
        ObjectNode hello = FakePayloads.JSON.createObjectNode().put("op", 10);
        hello.putObject("d").put("heartbeat_interval", 41250);
        hello.putNull("s");
        hello.putNull("t");
        socket.send(hello.toString());
      }

      @Override
      public void onMessage(WebSocket socket, String text) {
        JsonNode frame = FakeDiscord.parse(text);
        switch (frame.path("op").asInt(-1)) {
          case 1 -> socket.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
          case 2 -> identify(socket, frame.path("d"));
          case 6 -> resume(socket, frame.path("d"));
          default -> { }
        }
      }

      @Override
      public void onClosing(WebSocket socket, int code, String reason) {
        socket.close(1000, null);
        // closing with 1000 or 1001 ends the session on Discord; other codes (JDA's 4900) keep it resumable
        detach(socket, code == 1000 || code == 1001);
      }

      @Override
      public void onFailure(WebSocket socket, Throwable t, Response response) {
        detach(socket, false);
      }
    };
  }

  private void identify(WebSocket socket, JsonNode d) {
    JsonNode shard = d.path("shard");
    int shardId = shard.isArray() ? shard.path(0).asInt(-1) : 0;
    int shardCount = shard.isArray() ? shard.path(1).asInt(0) : 1;
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      socket.close(4010, "Invalid shard");
      return;
    }
    boolean enforced = fake.limits().enforced();
    Session session;
    synchronized (lock) {
      Tally tally = tallies.computeIfAbsent(shardId, k -> new Tally());
      tally.shardCount = shardCount;
      long now = System.currentTimeMillis();
      int key = shardId % fake.maxConcurrency;
      Long last = lastIdentify.get(key);
      if (enforced && last != null && now - last < fake.limits().identifyWindow().toMillis()) {
        tally.refused++;
        lock.notifyAll();
        socket.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
        return;
      }
      if (enforced && sessionStartsLeft <= 0) {
        // Discord resets the token once the daily session starts are used up
        socket.close(4004, "Authentication failed");
        return;
      }
      lastIdentify.put(key, now);
      sessionStartsLeft = Math.max(0, sessionStartsLeft - 1);
      List<String> guildIds = fake.guilds.keySet().stream().filter(g -> shardOf(g, shardCount) == shardId)
          .sorted().toList();
      session = new Session("fake-session-" + sessionCounter.incrementAndGet(), shardId, shardCount, guildIds);
      session.socket = socket;
      sessions.put(session.id, session);
      tally.identifies++;
      tally.latest = session;
      identifies.incrementAndGet();
      ObjectNode ready = FakePayloads.JSON.createObjectNode();
      ready.put("v", 10);
      ready.set("user", FakePayloads.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true));
      ArrayNode guilds = ready.putArray("guilds");
      guildIds.forEach(id -> guilds.addObject().put("id", id).put("unavailable", true));
      ready.putArray("private_channels");
      ready.putArray("relationships");
      ready.put("session_id", session.id);
      ready.put("resume_gateway_url", fake.gatewayUrl());
      if (shard.isArray()) {
        ready.putArray("shard").add(shardId).add(shardCount);
      }
      ready.putObject("application").put("id", FakeDiscord.BOT_ID).put("flags", 0);
      dispatch(session, "READY", ready);
      for (String id : guildIds) {
        dispatch(session, "GUILD_CREATE", FakePayloads.guildCreate(fake.guilds.get(id), fake.joined));
      }
      lock.notifyAll();
    }
  }

  private void resume(WebSocket socket, JsonNode d) {
    synchronized (lock) {
      Session session = sessions.get(d.path("session_id").asText());
      if (session == null) {
        socket.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
        return;
      }
      session.socket = socket;
      int seen = d.path("seq").asInt(0);
      // Discord replays what the client missed, then says RESUMED
      for (ObjectNode frame : session.sent) {
        if (frame.path("s").asInt() > seen) {
          socket.send(frame.toString());
        }
      }
      ObjectNode resumed = FakePayloads.JSON.createObjectNode();
      resumed.putArray("_trace").add("fake-gateway");
      dispatch(session, "RESUMED", resumed);
      tallies.get(session.shardId).resumes++;
      resumes.incrementAndGet();
      lock.notifyAll();
    }
  }

  /** Numbers and keeps a dispatch, and sends it if the session has a connection (else a resume replays it). */
  private void dispatch(Session session, String type, JsonNode data) {
    ObjectNode frame = FakePayloads.dispatch(type, ++session.sequence, data);
    session.sent.add(frame);
    if (session.socket != null) {
      session.socket.send(frame.toString());
    }
  }

  private void detach(WebSocket socket, boolean endSession) {
    synchronized (lock) {
      for (Session s : List.copyOf(sessions.values())) {
        if (s.socket == socket) {
          s.socket = null;
          if (endSession) {
            sessions.remove(s.id);
          }
        }
      }
      lock.notifyAll();
    }
  }

  /** Sends op 7 to every connected session: each client must reconnect and resume. */
  void requestReconnect() {
    synchronized (lock) {
      List<Session> connected = await(s -> s.socket != null, "a gateway session");
      connected.forEach(s -> s.socket.send("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}"));
    }
  }

  /** Takes the connection of shard {@code shardId} away (its session stays resumable). */
  void disconnect(int shardId, FakeDiscord.Disconnect how) {
    synchronized (lock) {
      for (Session s : await(s -> s.shardId == shardId && s.socket != null, "a connected shard " + shardId)) {
        WebSocket socket = s.socket;
        switch (how) {
          case RECONNECT -> socket.send("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}");
          case DROP -> {
            s.socket = null;
            // a server-side WebSocket has no Call to cancel(); failing it closes the TCP socket without a close frame
            ((okhttp3.internal.ws.RealWebSocket) socket).failWebSocket(
                new java.io.IOException("connection dropped by the fake"), null, false);
          }
        }
      }
    }
  }

  String sendInteraction(FakeInteraction spec) {
    FakeGuild guild = fake.guilds.get(spec.guildId);
    if (guild == null) {
      throw new IllegalArgumentException("no guild " + spec.guildId);
    }
    ObjectNode d = FakeInteractions.interactionCreate(fake, guild, spec);
    synchronized (lock) {
      // the guild's events go to the session of its shard; wait for one if none has identified yet
      List<Session> candidates = await(s -> s.guildIds.contains(spec.guildId), "a session for guild " + spec.guildId);
      Session session = candidates.stream().filter(s -> s.socket != null).findFirst().orElse(candidates.get(0));
      fake.interactions.put(d.path("id").asText(), new FakeDiscord.Interaction(d.path("id").asText(),
          d.path("token").asText(), spec.guildId, spec.channelId, false));
      dispatch(session, "INTERACTION_CREATE", d);
    }
    return d.path("id").asText();
  }

  /** Waits (holding {@link #lock}) until some session matches; fails the test after {@link #WAIT}. */
  private List<Session> await(Predicate<Session> condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<Session> matching = sessions.values().stream().filter(condition)
          .sorted(Comparator.comparing((Session s) -> s.id)).toList();
      if (!matching.isEmpty()) {
        return matching;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        lock.wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  List<ShardState> shards() {
    synchronized (lock) {
      return tallies.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
        Tally t = e.getValue();
        Session latest = t.latest;
        return new ShardState(e.getKey(), t.shardCount, t.identifies, t.refused, t.resumes,
            latest != null && latest.socket != null && sessions.containsKey(latest.id),
            Optional.ofNullable(latest).map(s -> s.id), latest == null ? List.of() : latest.guildIds);
      }).toList();
    }
  }

  /** Waits until a shard's state satisfies {@code condition}; returns that state. */
  ShardState awaitShard(int shardId, Predicate<ShardState> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        Optional<ShardState> state = shards().stream().filter(s -> s.shardId() == shardId).findFirst();
        if (state.isPresent() && condition.test(state.get())) {
          return state.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("shard " + shardId + " did not reach the expected state within " + timeout
              + "; it is " + state.map(Object::toString).orElse("unknown"));
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  void close() {
    synchronized (lock) {
      for (Session s : sessions.values()) {
        if (s.socket != null) {
          s.socket.close(1001, "fake Discord closing");
        }
      }
    }
  }
}
