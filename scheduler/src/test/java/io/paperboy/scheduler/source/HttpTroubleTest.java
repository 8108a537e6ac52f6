package io.paperboy.scheduler.source;

import static io.paperboy.scheduler.source.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The transport going wrong: slow servers, stalled, truncated and oversized bodies, nobody listening. */
class HttpTroubleTest {

  private static final LocalDate DAY = LocalDate.of(2024, 6, 7);
  private static final String DIGEST = LineDigestReader.text(DAY, "2406.04325 35 ShareGPT4Video", "2406.04000 - Other");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final LineDigestReader reader = new LineDigestReader();
  private final CountDownLatch release = new CountDownLatch(1);
  private LoopbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private HttpTemplateSource source(Duration timeout) {
    return new HttpTemplateSource(server.base() + "/daily/{yyyy}/{MM}/{dd}.md", client, timeout, reader);
  }

  /** Generous: these tests are not about time, and the build machine may be busy. */
  private HttpTemplateSource source() {
    return source(Duration.ofSeconds(30));
  }

  @Test
  @DisplayName("a server slower than the timeout is a transient failure, bounded by the timeout")
  void slowServerTimesOut() {
    // the handler waits at most 1 s (released at teardown), far past the 200 ms client timeout
    server.on("/daily/", ex -> {
      release.await(1, TimeUnit.SECONDS);
      respond(ex, 200, DIGEST);
    });

    FetchResult result = source(Duration.ofMillis(200)).fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("/daily/2024/06/07.md").contains("200 ms");
    });
    assertThat(reader.calls).isZero();
  }

  @Test
  @DisplayName("a body that stalls after the headers is cut off by the same deadline")
  void stalledBodyTimesOut() {
    server.on("/daily/", ex -> {
      ex.sendResponseHeaders(200, 1000);
      OutputStream out = ex.getResponseBody();
      out.write(new byte[10]);
      out.flush();
      release.await(1, TimeUnit.SECONDS);
    });

    FetchResult result = source(Duration.ofMillis(300)).fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("within 300 ms");
    });
  }

  @Test
  @DisplayName("a body shorter than its Content-Length is a transient failure saying how much arrived")
  void truncatedBodyIsTransient() {
    server.on("/daily/", ex -> {
      ex.sendResponseHeaders(200, 1000);
      OutputStream out = ex.getResponseBody();
      out.write(DIGEST.getBytes(StandardCharsets.UTF_8));
      out.flush();
      // closing early makes the server drop the connection: the client sees EOF mid-body
    });

    FetchResult result = source().fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("truncated").contains("of 1000 bytes");
    });
    assertThat(reader.calls).isZero();
  }

  @Test
  @DisplayName("an endless body is cut at 5 MiB while reading, not after")
  void endlessBodyIsCutWhileReading() {
    AtomicInteger sentMiB = new AtomicInteger();
    server.on("/daily/", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked, no length to check up front
      byte[] mib = new byte[1024 * 1024];
      Arrays.fill(mib, (byte) 'x');
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 1024; i++) { // would be 1 GiB if the client kept reading
          out.write(mib);
          sentMiB.incrementAndGet();
        }
      } catch (IOException clientHungUp) {
        // expected: the client cancels once past the limit
      }
    });

    FetchResult result = source().fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isFalse();
      assertThat(f.reason()).contains("exceeds the 5 MiB limit");
    });
    assertThat(reader.calls).isZero();
  }

  @Test
  @DisplayName("a Content-Length above the cap is refused before reading the body")
  void declaredOversizeIsRefusedUpFront() {
    server.on("/daily/", ex -> respond(ex, 200, new byte[(int) DigestSources.MAX_DIGEST_BYTES + 1]));

    FetchResult result = source().fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isFalse();
      assertThat(f.reason()).contains("Content-Length " + (DigestSources.MAX_DIGEST_BYTES + 1)).contains("not read");
    });
  }

  @Test
  @DisplayName("nobody listening is a transient failure naming the URL")
  void connectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    HttpTemplateSource source = new HttpTemplateSource("http://127.0.0.1:" + port + "/{date}.md", client,
        Duration.ofSeconds(2), reader);

    FetchResult result = source.fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("http://127.0.0.1:" + port + "/2024-06-07.md");
    });
  }
}
