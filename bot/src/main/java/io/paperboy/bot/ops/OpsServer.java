package io.paperboy.bot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paperboy.core.health.Readiness;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint on the JDK's HTTP server (no extra dependency, no hand-made parser):
 *
 * <ul>
 *   <li>{@code GET /healthz} — 200 while the process can answer HTTP at all (liveness: restart me
 *       when this fails);</li>
 *   <li>{@code GET /readyz} — 200 when every readiness check holds, else 503; the body lists each
 *       check, so an operator reading it sees which part is down (readiness: route work to me);</li>
 *   <li>{@code GET /metrics} — the Prometheus text format.</li>
 * </ul>
 *
 * Two threads of its own, so a slow scrape never waits on the command or delivery pools.
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService threads;
  /** As configured: the bound address of {@code 0.0.0.0} reads back as the IPv6 wildcard. */
  private final String host;

  private OpsServer(HttpServer server, ExecutorService threads, String host) {
    this.server = server;
    this.threads = threads;
    this.host = host;
  }

  /**
   * Listens on {@code host:port} (port 0: a free one, see {@link #uri}).
   *
   * @throws UncheckedIOException naming the address when it cannot listen (port taken, say)
   */
  public static OpsServer start(String host, int port, Readiness readiness, Supplier<String> metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for the operations endpoint on " + host + ":" + port
          + " (ops.port / --ops-port / PAPERBOY_OPS_PORT): " + e.getMessage(), e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "paperboy-ops-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", exchange -> handle(exchange, readiness, metrics));
    server.start();
    OpsServer ops = new OpsServer(server, threads, host);
    log.debug("operations endpoint on {}", ops.uri());
    return ops;
  }

  /** Where it listens, e.g. {@code http://0.0.0.0:9464/}. */
  public URI uri() {
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange, Readiness readiness, Supplier<String> metrics) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!method.equals("GET") && !head) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        reply(exchange, 405, "text/plain; charset=utf-8", method + " is not allowed here; use GET\n", false);
        return;
      }
      // contexts match by prefix: only the exact paths answer, anything else is 404
      switch (exchange.getRequestURI().getPath()) {
        case "/healthz" -> reply(exchange, 200, "text/plain; charset=utf-8", "ok\n", head);
        case "/readyz" -> {
          StringBuilder body = new StringBuilder();
          boolean ready = true;
          for (Readiness.Check check : readiness.checks()) {
            ready &= check.ready();
            body.append(check.ready() ? "[ok] " : "[not ready] ").append(check.name()).append(": ")
                .append(check.detail()).append('\n');
          }
          body.insert(0, ready ? "ready\n" : "not ready\n");
          reply(exchange, ready ? 200 : 503, "text/plain; charset=utf-8", body.toString(), head);
        }
        case "/metrics" -> reply(exchange, 200, PROMETHEUS_TEXT, metrics.get(), head);
        default -> reply(exchange, 404, "text/plain; charset=utf-8",
            "no such endpoint; try /healthz, /readyz or /metrics\n", head);
      }
    } catch (RuntimeException e) {
      log.error("the operations endpoint failed to answer {}", exchange.getRequestURI(), e);
      throw e;
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body, boolean head)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (head) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops listening at once: probes that see it gone are right, the process is stopping. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
