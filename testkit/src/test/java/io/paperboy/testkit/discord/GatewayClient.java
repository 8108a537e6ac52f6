package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.core.net.NoDelaySocketFactory;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A bare gateway client for checking the fake's protocol frame by frame, where JDA would hide
 * what was sent (it retries an op 9 by itself).
 */
final class GatewayClient implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()).build();

  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  /** The close code the server sent. */
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  GatewayClient(String url) {
    socket = HTTP.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
      @Override
      public void onMessage(WebSocket webSocket, String text) {
        try {
          frames.add(JSON.readTree(text));
        } catch (IOException e) {
          frames.add(JSON.createObjectNode().put("unreadable", text));
        }
      }

      @Override
      public void onClosing(WebSocket webSocket, int code, String reason) {
        closed.complete(code);
        webSocket.close(1000, null);
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        closed.completeExceptionally(t);
      }
    });
  }

  /** The next frame (fails after 10 s). */
  JsonNode next() throws InterruptedException {
    JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
    if (frame == null) {
      throw new AssertionError("no gateway frame within 10 s");
    }
    return frame;
  }

  /** Skips frames up to the next with this op (and dispatch type, for op 0). */
  JsonNode next(int op, String type) throws InterruptedException {
    while (true) {
      JsonNode frame = next();
      if (frame.path("op").asInt() == op && (type == null || type.equals(frame.path("t").asText()))) {
        return frame;
      }
    }
  }

  /** A frame if one arrives within {@code millis}, else null. */
  JsonNode poll(long millis) throws InterruptedException {
    return frames.poll(millis, TimeUnit.MILLISECONDS);
  }

  void identify(Integer shardId, Integer shardCount) {
    var d = JSON.createObjectNode().put("token", "raw-token").put("intents", 1);
    d.putObject("properties").put("os", "linux").put("browser", "test").put("device", "test");
    if (shardId != null) {
      d.putArray("shard").add(shardId).add(shardCount);
    }
    send(JSON.createObjectNode().put("op", 2).set("d", d));
  }

  void resume(String sessionId, int seq) {
    var d = JSON.createObjectNode().put("token", "raw-token").put("session_id", sessionId).put("seq", seq);
    send(JSON.createObjectNode().put("op", 6).set("d", d));
  }

  void send(JsonNode frame) {
    socket.send(frame.toString());
  }

  /** Drops the TCP connection without a close frame. */
  void drop() {
    socket.cancel();
  }

  @Override
  public void close() {
    socket.close(4900, "test done");
  }
}
