package io.paperboy.testkit.slack;

import static io.paperboy.testkit.slack.FakeSlack.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode endpoint: greets each connection with {@code hello}, sends envelopes on
 * demand, and records what the app sends back ({@code {"envelope_id":…,"payload":…}}).
 */
public final class FakeSocketModeServer extends WebSocketServer {

  private final CountDownLatch started = new CountDownLatch(1);
  private final List<WebSocket> open = new CopyOnWriteArrayList<>();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  private FakeSocketModeServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setTcpNoDelay(true);
    setReuseAddr(true);
  }

  static FakeSocketModeServer launch() throws InterruptedException {
    FakeSocketModeServer server = new FakeSocketModeServer();
    server.start();
    if (!server.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake Socket Mode server did not start");
    }
    return server;
  }

  /** What {@code apps.connections.open} hands out. */
  String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=fake-" + connections.get();
  }

  /** How many connections the app has opened so far. */
  public int connections() {
    return connections.get();
  }

  /** Waits until the app has an open connection. */
  public boolean awaitConnection(Duration timeout) throws InterruptedException {
    FakeSlack.awaitCondition(() -> !open.isEmpty(), timeout);
    return !open.isEmpty();
  }

  /** Sends an envelope on every open connection. */
  public void send(String envelopeJson) {
    open.forEach(c -> c.send(envelopeJson));
  }

  /** The app's answer to {@code envelopeId}, if it arrives within {@code timeout}. */
  public Optional<JsonNode> awaitReply(String envelopeId, Duration timeout) throws InterruptedException {
    FakeSlack.awaitCondition(() -> reply(envelopeId).isPresent(), timeout);
    return reply(envelopeId);
  }

  private Optional<JsonNode> reply(String envelopeId) {
    return received.stream().filter(m -> envelopeId.equals(m.path("envelope_id").asText())).findFirst();
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    connections.incrementAndGet();
    open.add(conn);
    conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\",\"approximate_connection_time\":3600},"
        + "\"connection_info\":{\"app_id\":\"" + FakeSlack.APP_ID + "\"}}");
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    try {
      received.add(JSON.readTree(message));
    } catch (IOException e) {
      throw new IllegalStateException("the app sent invalid JSON: " + message, e);
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    open.remove(conn);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn != null) {
      open.remove(conn);
    }
  }
}
