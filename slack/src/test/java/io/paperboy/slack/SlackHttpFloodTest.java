package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testkit.slack.SignedRequests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A flood of 10 MB bodies at the real endpoint in a 64 MB process: all refused, no OutOfMemoryError")
class SlackHttpFloodTest {

  private static final int CLIENTS = 24;
  private static final long BODY_BYTES = 10L * 1024 * 1024;
  private static final String HEAP = "-Xmx64m";

  private enum Signing { NONE, FORGED, VALID }

  /** One flooding client: how it frames and signs its 10 MB, and what it must be answered. */
  private record Client(RawHttp.Framing framing, Signing signing) {
    // a declared length is refused unread; unsigned chunks for their headers; signed chunks at the cap
    int expectedStatus() {
      return framing == RawHttp.Framing.CHUNKED && signing == Signing.NONE ? 401 : 413;
    }
  }

  @Test
  @DisplayName("24 concurrent 10 MB bodies (declared and chunked; unsigned, forged, validly signed) all get 413/401, "
      + "and the process still answers a good command")
  void flood() throws Exception {
    Process child = startChild();
    List<String> output = new CopyOnWriteArrayList<>();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader = readOutput(child, output, ready);
    try {
      // GIVEN the endpoint listening in its own small-heap process
      URI events = URI.create("http://127.0.0.1:" + ready.get(120, TimeUnit.SECONDS) + SlackHttpServer.EVENTS_PATH);
      RawHttp.Body sample = RawHttp.Body.filler(RawHttp.Framing.CONTENT_LENGTH, BODY_BYTES);
      String timestamp = String.valueOf(Instant.now().getEpochSecond());
      Map<String, String> valid = RawHttp.signedHeaders(HttpModeFixture.SIGNING_SECRET, timestamp, sample);
      Map<String, String> forged = RawHttp.signedHeaders("not-the-signing-secret", timestamp, sample);
      List<Client> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(new Client(RawHttp.Framing.values()[i % 2], Signing.values()[(i / 2) % 3]));
      }

      // WHEN they all send their 10 MB at once
      List<String> outcomes = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (Client client : clients) {
          Map<String, String> headers = switch (client.signing()) {
            case NONE -> Map.of();
            case FORGED -> forged;
            case VALID -> valid;
          };
          answers.add(pool.submit(() -> {
            gate.await();
            return send(events, headers, RawHttp.Body.filler(client.framing(), BODY_BYTES));
          }));
        }
        gate.countDown();
        for (Future<String> answer : answers) {
          outcomes.add(answer.get(5, TimeUnit.MINUTES));
        }
      } finally {
        pool.shutdownNow();
      }

      // THEN each was refused as its kind must be, and the process still answers a good command
      assertThat(outcomes).containsExactlyElementsOf(clients.stream().map(c -> String.valueOf(c.expectedStatus())).toList());
      String body = SignedRequests.slashCommand("/paper", "2406.04325", "U0MEMBER", HttpModeFixture.CHANNEL,
          "http://127.0.0.1:9/response/after-flood");
      SignedRequests.Answer after = new SignedRequests(HttpModeFixture.SIGNING_SECRET).post(events, body);
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(after.body()).contains("2406.04325");
      assertThat(child.isAlive()).isTrue();
      assertThat(output).noneMatch(line -> line.contains("OutOfMemoryError"));
    } finally {
      child.getOutputStream().close(); // its signal to stop
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor();
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  // the status, or what went wrong instead (a reset before the answer would show here)
  private static String send(URI events, Map<String, String> headers, RawHttp.Body body) {
    try {
      return String.valueOf(RawHttp.post(events, headers, body).status());
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  // the real endpoint with a small heap; an OutOfMemoryError anywhere ends it, so it cannot hide
  private static Process startChild() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), HttpModeProcess.class.getName());
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static Thread readOutput(Process child, List<String> output, CompletableFuture<Integer> ready) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          output.add(line);
          if (line.startsWith(HttpModeProcess.READY)) {
            ready.complete(Integer.parseInt(line.substring(HttpModeProcess.READY.length()).trim()));
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IllegalStateException("the child ended before listening: " + output));
    }, "flood-child-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
