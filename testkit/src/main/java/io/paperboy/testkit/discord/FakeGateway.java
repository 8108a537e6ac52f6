package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The gateway side of the fake: HELLO on connect, READY and GUILD_CREATE on IDENTIFY, heartbeat
 * ACKs, RESUMED on RESUME, op 7 on request, and INTERACTION_CREATE dispatches. JSON encoding, no
 * compression.
 */
final class FakeGateway {

  private final FakeDiscord fake;
  private final AtomicInteger sequence = new AtomicInteger();
  final AtomicInteger identifies = new AtomicInteger();
  final AtomicInteger resumes = new AtomicInteger();
  private volatile WebSocket current;
  private volatile boolean sessionReady;

  FakeGateway(FakeDiscord fake) {
    this.fake = fake;
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
          case 2 -> identify(socket);
          case 6 -> resume(socket);
          default -> { }
        }
      }

      @Override
      public void onClosing(WebSocket socket, int code, String reason) {
        socket.close(1000, null);
      }
    };
  }

  private void identify(WebSocket socket) {
    identifies.incrementAndGet();
    ObjectNode ready = FakePayloads.JSON.createObjectNode();
    ready.put("v", 10);
    ready.set("user", FakePayloads.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true));
    ArrayNode guilds = ready.putArray("guilds");
    fake.guilds.keySet().forEach(id -> guilds.addObject().put("id", id).put("unavailable", true));
    ready.putArray("private_channels");
    ready.putArray("relationships");
    ready.put("session_id", "fake-session-" + identifies.get());
    ready.put("resume_gateway_url", fake.gatewayUrl());
    ready.putObject("application").put("id", FakeDiscord.BOT_ID).put("flags", 0);
    socket.send(FakePayloads.dispatch("READY", sequence.incrementAndGet(), ready).toString());
    for (FakeGuild guild : fake.guilds.values()) {
      socket.send(FakePayloads.dispatch("GUILD_CREATE", sequence.incrementAndGet(),
          FakePayloads.guildCreate(guild, fake.joined)).toString());
    }
    current = socket;
    sessionReady = true;
  }

  private void resume(WebSocket socket) {
    resumes.incrementAndGet();
    socket.send(FakePayloads.dispatch("RESUMED", sequence.incrementAndGet(),
        FakePayloads.JSON.nullNode()).toString());
    current = socket;
    sessionReady = true;
  }

  void requestReconnect() {
    WebSocket socket = requireSession();
    sessionReady = false;
    socket.send("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}");
  }

  String sendInteraction(FakeInteraction spec) {
    WebSocket socket = requireSession();
    String id = fake.nextId();
    String token = "token-" + id;
    FakeGuild guild = fake.guilds.get(spec.guildId);
    FakeGuild.Member member = guild.members().stream().filter(m -> m.userId().equals(spec.userId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no member " + spec.userId + " in " + spec.guildId));
    fake.interactions.put(id, new FakeDiscord.Interaction(id, token, spec.guildId, spec.channelId, false));
    ObjectNode d = FakePayloads.JSON.createObjectNode();
    d.put("id", id).put("application_id", FakeDiscord.BOT_ID).put("type", spec.autocomplete ? 4 : 2)
        .put("token", token).put("version", 1).put("guild_id", spec.guildId).put("channel_id", spec.channelId)
        .put("locale", "en-US").put("guild_locale", "en-US").put("app_permissions", "0").put("context", 0);
    d.putObject("guild").put("id", spec.guildId).put("locale", "en-US").putArray("features");
    FakeGuild.Channel channel = guild.channels().stream().filter(c -> c.id().equals(spec.channelId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no channel " + spec.channelId + " in " + spec.guildId));
    d.set("channel", FakePayloads.channel(guild, channel, 0));
    ObjectNode memberJson = FakePayloads.member(member, fake.joined);
    memberJson.put("permissions", Long.toString(permissions(guild, member)));
    d.set("member", memberJson);
    d.putArray("entitlements");
    d.putObject("authorizing_integration_owners").put("0", spec.guildId);
    ObjectNode data = d.putObject("data");
    data.put("id", commandId(spec.command)).put("name", spec.command).put("type", 1).put("guild_id", spec.guildId);
    data.set("options", spec.optionsJson());
    resolved(guild, spec, data);
    socket.send(FakePayloads.dispatch("INTERACTION_CREATE", sequence.incrementAndGet(), d).toString());
    return id;
  }

  private void resolved(FakeGuild guild, FakeInteraction spec, ObjectNode data) {
    ObjectNode users = FakePayloads.JSON.createObjectNode();
    ObjectNode members = FakePayloads.JSON.createObjectNode();
    for (FakeInteraction.Option o : spec.options) {
      if (o.kind() == FakeInteraction.OptionKind.USER || o.kind() == FakeInteraction.OptionKind.MENTIONABLE) {
        guild.members().stream().filter(m -> m.userId().equals(o.value().asText())).findFirst().ifPresent(m -> {
          users.set(m.userId(), FakePayloads.user(m.userId(), m.username(), m.bot()));
          ObjectNode mj = FakePayloads.member(m, fake.joined);
          mj.remove("user");
          mj.put("permissions", Long.toString(permissions(guild, m)));
          members.set(m.userId(), mj);
        });
      }
    }
    if (!users.isEmpty()) {
      ObjectNode resolved = data.putObject("resolved");
      resolved.set("users", users);
      resolved.set("members", members);
    }
  }

  private String commandId(String name) {
    return fake.commands.stream().filter(c -> c.path("name").asText().equals(name)).findFirst()
        .map(c -> c.path("id").asText()).orElse("1700000000000000001");
  }

  static long permissions(FakeGuild guild, FakeGuild.Member member) {
    long p = guild.everyone();
    for (FakeGuild.Role r : guild.roles()) {
      if (member.roleIds().contains(r.id())) {
        p |= r.permissions();
      }
    }
    return member.userId().equals(guild.ownerId()) ? -1L >>> 1 : p;
  }

  private WebSocket requireSession() {
    FakeDiscord.waitUntil(() -> sessionReady, Duration.ofSeconds(10), "a gateway session");
    return current;
  }

  void close() {
    WebSocket socket = current;
    if (socket != null) {
      socket.close(1001, "fake Discord closing");
    }
  }
}
