package io.paperboy.bot.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One instance's way to the fake platforms: a loopback HTTP proxy its {@code discord.api-url}
 * and {@code slack.api-url} point at ({@code /api/v10/…} goes to the fake Discord, any other
 * {@code /api/…} to the fake Slack). The fakes stay as they are; the proxy lets the test act at
 * the two moments a kill point needs, per instance: a request has arrived and is not forwarded
 * yet, and the fake has answered (the post is stored) and the answer is not back at the instance
 * yet. A hook that throws {@link Dropped} cuts the exchange there (its instance is dead by then).
 */
final class PlatformProxy implements AutoCloseable {

  /** Where the request is when the hook sees it. */
  enum Stage { RECEIVED, ANSWERED }

  /** One request through the proxy; {@code status} and {@code answer} are set at {@link Stage#ANSWERED}. */
  record Exchange(String method, String path, String query, byte[] body, String contentType, int status, byte[] answer) {
    boolean discord() {
      return path.startsWith("/api/v10/");
    }
  }

  /** What the test does at each stage of each request; runs on the proxy's request thread. */
  interface Hook {
    void at(Stage stage, Exchange exchange);
  }

  /** Thrown by a hook: the exchange ends without an answer. */
  static final class Dropped extends RuntimeException {
    Dropped() {
      super(null, null, false, false);
    }
  }

  /* Headers the JDK client sets itself (or refuses), and hop-by-hop ones a proxy must not copy. */
  private static final Set<String> SKIPPED = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding", "keep-alive", "date");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "platform-proxy");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI discord;
  private final URI slack;
  private volatile Hook hook = (stage, exchange) -> { };

  /** @param discord the fake Discord's origin; @param slack the fake Slack's origin ({@code http://127.0.0.1:PORT}) */
  PlatformProxy(URI discord, URI slack) throws IOException {
    this.discord = discord;
    this.slack = slack;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  static URI origin(String url) {
    URI u = URI.create(url);
    return URI.create(u.getScheme() + "://" + u.getRawAuthority());
  }

  String discordApiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
  }

  String slackApiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  void hook(Hook hook) {
    this.hook = hook;
  }

  private void forward(HttpExchange http) throws IOException {
    try {
      URI in = http.getRequestURI();
      byte[] body;
      try (InputStream stream = http.getRequestBody()) {
        body = stream.readAllBytes();
      }
      String contentType = http.getRequestHeaders().getFirst("Content-Type");
      Exchange received = new Exchange(http.getRequestMethod(), in.getRawPath(), in.getRawQuery(), body, contentType, 0,
          null);
      Hook h = hook;
      h.at(Stage.RECEIVED, received);
      URI origin = received.discord() ? discord : slack;
      HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(origin + in.getRawPath()
              + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery())))
          .method(http.getRequestMethod(), body.length == 0 && !http.getRequestMethod().equals("POST")
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> e : http.getRequestHeaders().entrySet()) {
        if (!SKIPPED.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
          e.getValue().forEach(v -> out.header(e.getKey(), v));
        }
      }
      HttpResponse<byte[]> answer;
      try {
        answer = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      h.at(Stage.ANSWERED, new Exchange(received.method(), received.path(), received.query(), body, contentType,
          answer.statusCode(), answer.body()));
      answer.headers().map().forEach((name, values) -> {
        if (!SKIPPED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
          values.forEach(v -> http.getResponseHeaders().add(name, v));
        }
      });
      byte[] bytes = answer.body();
      http.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream o = http.getResponseBody()) {
          o.write(bytes);
        }
      }
    } catch (Dropped dropped) {
      // the instance it was for is dead: nothing to answer
    } finally {
      http.close(); // (HttpExchange is AutoCloseable only from Java 18)
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
