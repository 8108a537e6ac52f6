package io.paperboy.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP port on 127.0.0.1 that is "unreachable" (closes every connection at once) until
 * {@link #open(int)} makes it forward to a real port: Discord coming back after a network outage.
 */
final class GatedProxy implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicInteger refused = new AtomicInteger();
  private volatile int target = -1;

  GatedProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "gated-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections closed unanswered so far. */
  int refused() {
    return refused.get();
  }

  /** From now on, connections are forwarded to {@code port}. */
  void open(int port) {
    target = port;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        int to = target;
        if (to < 0) {
          refused.incrementAndGet();
          client.close();
          continue;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), to);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        // closed, or one connection failed: the client sees its socket close
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // either side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }, "gated-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
