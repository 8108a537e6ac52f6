package io.paperboy.scheduler.poll;

import io.paperboy.scheduler.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.paperboy.scheduler.source.DigestSource;
import io.paperboy.scheduler.source.DigestSources;
import io.paperboy.scheduler.source.MarkdownDigestReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller with sources built from config strings: a missing folder, then a URL on 127.0.0.1. */
class PollerWithRealSourcesTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final LocalDate DAY = LocalDate.of(2024, 6, 7);

  @TempDir
  Path dir;

  @Test
  @DisplayName("a missing inbox and a 404 are 'not yet'; when the URL has the digest it is stored from there")
  void pollsRealSources() throws Exception {
    // GIVEN a URL that answers 404 until the digest is "published"
    AtomicBoolean published = new AtomicBoolean();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/daily/", ex -> {
      byte[] body = DAY.toString().getBytes(StandardCharsets.UTF_8);
      if (published.get()) {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      } else {
        ex.sendResponseHeaders(404, -1);
      }
      ex.close();
    });
    server.start();
    // a reader standing in for the markdown parser: the body is just the date
    MarkdownDigestReader reader = (name, content) ->
        TestDigests.digest(LocalDate.parse(new String(content, StandardCharsets.UTF_8).strip()), "2406.00001");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    List<DigestSource> sources = DigestSources.parse(
        List.of("folder:" + dir.resolve("inbox"), "http:" + base + "/daily/{date}.md"), reader, client,
        Duration.ofSeconds(30));
    MutableClock clock = new MutableClock(DAY.atTime(9, 0).atZone(SEOUL).toInstant());
    RecordingStore store = new RecordingStore();
    DigestPoller poller = new DigestPoller(sources, store, clock, SEOUL,
        new PollPolicy(LocalTime.of(6, 0), Duration.ofMinutes(5), Duration.ofMinutes(30), LocalTime.of(22, 0)));
    int[] heard = new int[1];
    poller.addListener((result, digest) -> heard[0]++);

    try {
      // WHEN polled before and after publication
      PollOutcome before = poller.poll(DAY);
      published.set(true);
      clock.set(((PollOutcome.NotFound) before).nextTry());
      boolean due = poller.due(DAY);
      PollOutcome after = poller.poll(DAY);

      // THEN the first try says why for each source, the second stores the digest from the URL
      assertThat(((PollOutcome.NotFound) before).reasons()).satisfiesExactly(
          r -> assertThat(r).contains("inbox").contains("does not exist"),
          r -> assertThat(r).contains(base + "/daily/2024-06-07.md").contains("HTTP 404"));
      assertThat(due).isTrue();
      assertThat(after).isInstanceOfSatisfying(PollOutcome.Ingested.class,
          i -> assertThat(i.origin()).isEqualTo(base + "/daily/2024-06-07.md"));
      assertThat(store.digest(DAY)).hasSize(1);
      assertThat(heard[0]).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  @DisplayName("a folder file named for the day whose heading says another is logged as a warning naming both dates, not stored")
  void fileNamedForTheDayHoldsAnother() throws Exception {
    java.nio.file.Path inbox = dir.resolve("inbox");
    java.nio.file.Files.createDirectories(inbox.resolve("2024/06"));
    java.nio.file.Path file = inbox.resolve("2024/06/07.md");
    java.nio.file.Files.writeString(file, "2024-06-06");
    MarkdownDigestReader reader = (name, content) ->
        TestDigests.digest(LocalDate.parse(new String(content, StandardCharsets.UTF_8).strip()), "2406.00001");
    List<DigestSource> sources = DigestSources.parse(List.of("folder:" + inbox), reader, HttpClient.newHttpClient(),
        Duration.ofSeconds(30));
    MutableClock clock = new MutableClock(DAY.atTime(9, 0).atZone(SEOUL).toInstant());
    RecordingStore store = new RecordingStore();
    DigestPoller poller = new DigestPoller(sources, store, clock, SEOUL,
        new PollPolicy(LocalTime.of(6, 0), Duration.ofMinutes(5), Duration.ofMinutes(30), LocalTime.of(22, 0)));
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(DigestPoller.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    log.addAppender(logs);
    try {
      PollOutcome outcome = poller.poll(DAY);

      String expected = file + " is named for 2024-06-07, but its heading says 2024-06-06; not stored as 2024-06-07";
      assertThat(((PollOutcome.NotFound) outcome).reasons()).singleElement().asString().contains(expected);
      assertThat(logs.list).anySatisfy(e -> {
        assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(e.getFormattedMessage()).contains(expected);
      });
      assertThat(store.saved).isEmpty();
    } finally {
      log.detachAppender(logs);
    }
  }
}
