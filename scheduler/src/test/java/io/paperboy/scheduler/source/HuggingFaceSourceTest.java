package io.paperboy.scheduler.source;

import static io.paperboy.scheduler.source.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.DigestEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HuggingFaceSourceTest {

  private static final LocalDate DAY = LocalDate.of(2024, 6, 7);
  /** Well after DAY, so a 400 for DAY is a real error. */
  private static final Clock LATER = Clock.fixed(Instant.parse("2024-07-01T12:00:00Z"), ZoneOffset.UTC);

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private LoopbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HuggingFaceSource source() {
    return new HuggingFaceSource(URI.create(server.base()), client, Duration.ofSeconds(30), LATER);
  }

  private static String fixture() throws IOException {
    try (InputStream in = HuggingFaceSourceTest.class.getResourceAsStream("/sources/hf/daily-2024-06-07.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void serveJson(String json, String... headers) {
    server.on("/api/daily_papers", ex -> respond(ex, 200, json, headers));
  }

  @Test
  @DisplayName("a daily-papers response becomes a digest ranked by upvotes, ties in response order")
  void mapsResponse() throws IOException {
    // GIVEN the API's response shape, with unknown fields and one hidden author
    serveJson(fixture(), "Content-Type", "application/json; charset=utf-8");

    // WHEN the day is fetched
    FetchResult result = source().fetch(DAY);

    // THEN the request named the date, and the entries follow the votes
    assertThat(server.lastRequest().path()).isEqualTo("/api/daily_papers");
    assertThat(server.lastRequest().query()).isEqualTo("date=2024-06-07");
    assertThat(result).isInstanceOf(FetchResult.Found.class);
    FetchResult.Found found = (FetchResult.Found) result;
    assertThat(found.origin()).isEqualTo(server.base() + "/api/daily_papers?date=2024-06-07");
    assertThat(found.digest().date()).isEqualTo(DAY);
    List<DigestEntry> entries = found.digest().entries();
    assertThat(entries).extracting(DigestEntry::arxivId)
        .containsExactly("2406.10002", "2406.10001", "2406.10003", "2406.10004");
    assertThat(entries).extracting(DigestEntry::rank).containsExactly(1, 2, 3, 4);
    assertThat(entries).extracting(DigestEntry::votes)
        .containsExactly(Optional.of(35), Optional.of(12), Optional.of(12), Optional.of(3));

    DigestEntry small = entries.get(1);
    assertThat(small.title()).isEqualTo("Small Models, Big Summaries");
    assertThat(small.url()).isEqualTo("https://arxiv.org/abs/2406.10001");
    assertThat(small.authors()).containsExactly("Ada Example", "Bo Sample");
    assertThat(small.authorsMore()).as("a hidden author means the list is not complete").isTrue();
    assertThat(entries.get(0).authorsMore()).isFalse();
    assertThat(small.media()).contains("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.10001.png");
    assertThat(small.summary()).isEqualTo("Small models write good summaries.");

    DigestEntry wrapped = entries.get(0);
    assertThat(wrapped.summary()).isEqualTo("Abstracts arrive hard-wrapped at about eighty columns, like this one."
        + "\n\nThis second paragraph stays a paragraph of its own.");
    assertThat(entries.get(2).media()).as("a blank thumbnail is no thumbnail").isEmpty();
    assertThat(entries.get(3).url()).isEqualTo("https://arxiv.org/abs/2406.10004");
    assertThat(entries.get(3).media()).isEmpty();
  }

  @Test
  @DisplayName("missing optional fields give empty votes, authors, media and summary; unvoted papers go last")
  void missingOptionalFields() {
    serveJson("[{\"paper\":{\"id\":\"2406.20001\"},\"title\":\"Only A Top-Level Title\"},"
        + "{\"paper\":{\"id\":\"2406.20002\",\"title\":\"Voted\",\"upvotes\":1,\"authors\":null}}]");

    FetchResult result = source().fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Found.class, f -> {
      List<DigestEntry> entries = f.digest().entries();
      assertThat(entries).extracting(DigestEntry::arxivId).containsExactly("2406.20002", "2406.20001");
      DigestEntry bare = entries.get(1);
      assertThat(bare.title()).isEqualTo("Only A Top-Level Title");
      assertThat(bare.votes()).isEmpty();
      assertThat(bare.authors()).isEmpty();
      assertThat(bare.media()).isEmpty();
      assertThat(bare.summary()).isEmpty();
    });
  }

  @Test
  @DisplayName("an empty array means not yet")
  void emptyArrayIsNotYet() {
    serveJson("[]");

    assertThat(source().fetch(DAY)).isInstanceOfSatisfying(FetchResult.NotYet.class,
        n -> assertThat(n.why()).contains("no papers listed for 2024-06-07"));
  }

  @Test
  @DisplayName("an item without an id refuses the whole response, naming the item")
  void itemWithoutIdRefusesAll() {
    serveJson("[{\"paper\":{\"id\":\"2406.30001\",\"title\":\"Fine\"}},{\"paper\":{\"title\":\"No id\"}}]");

    assertThat(source().fetch(DAY)).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isFalse();
      assertThat(f.reason()).contains("[1].paper.id: missing").contains("whole response is refused")
          .contains("/api/daily_papers?date=2024-06-07");
    });
  }

  @Test
  @DisplayName("ids that are not arXiv ids, duplicates and bad vote counts are refused with their path")
  void refusesBadItems() {
    assertThat(mapped("[{\"paper\":{\"id\":\"not-an-id\",\"title\":\"T\"}}]")).contains("[0].paper.id: 'not-an-id'");
    assertThat(mapped("[{\"paper\":{\"id\":2406.30001,\"title\":\"T\"}}]")).contains("[0].paper.id: expected a string");
    assertThat(mapped("[{\"paper\":{\"id\":\"2406.30001\",\"title\":\"T\"}},{\"paper\":{\"id\":\"2406.30001v2\","
        + "\"title\":\"T\"}}]")).contains("[1].paper.id: 2406.30001 is listed already at [0]");
    assertThat(mapped("[{\"paper\":{\"id\":\"2406.30001\",\"title\":\"T\",\"upvotes\":\"many\"}}]"))
        .contains("[0].paper.upvotes");
    assertThat(mapped("[{\"paper\":{\"id\":\"2406.30001\"}}]")).contains("[0].paper.title: missing");
    assertThat(mapped("[{\"paper\":{\"id\":\"2406.30001\",\"title\":\"T\",\"authors\":[7]}}]"))
        .contains("[0].paper.authors[0]");
    assertThat(mapped("[42]")).contains("[0]: expected an object, got number 42");
  }

  private static String mapped(String json) {
    FetchResult r = HuggingFaceDigestMapper.map("origin", DAY, json.getBytes(StandardCharsets.UTF_8));
    assertThat(r).isInstanceOf(FetchResult.Failed.class);
    assertThat(((FetchResult.Failed) r).transientFailure()).isFalse();
    return ((FetchResult.Failed) r).reason();
  }

  @Test
  @DisplayName("malformed JSON is a transient failure saying where it broke")
  void malformedJson() {
    serveJson("[{\"paper\": {\"id\": \"2406.10001\",,}]");

    assertThat(source().fetch(DAY)).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("malformed JSON at line 1, column").contains("will ask again");
    });
  }

  @Test
  @DisplayName("a JSON body cut short (its Content-Length honest) is malformed; one cut by the connection is truncated")
  void truncatedJson() throws IOException {
    String json = fixture();
    server.on("/api/daily_papers", ex -> {
      if ("date=2024-06-07".equals(ex.getRequestURI().getRawQuery())) {
        respond(ex, 200, json.substring(0, json.length() / 2));
      } else {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        OutputStream out = ex.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
      }
    });

    FetchResult cutJson = source().fetch(DAY);
    FetchResult cutConnection = source().fetch(DAY.plusDays(1));

    assertThat(cutJson).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("malformed JSON");
    });
    assertThat(cutConnection).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("truncated");
    });
  }

  @Test
  @DisplayName("an object where the array belongs is a transient failure")
  void objectInsteadOfArray() {
    serveJson("{\"error\":\"maintenance\"}");

    assertThat(source().fetch(DAY)).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("expected a JSON array of papers, got an object");
    });
  }

  @Test
  @DisplayName("400 for a date the API has not reached (in UTC) is not yet; for a past date it is an error")
  void badRequestDependsOnDate() {
    server.on("/api/daily_papers", ex -> respond(ex, 400, "{\"error\":\"Invalid date\"}"));
    // 08:00 in Seoul on June 7 is still June 6 in UTC
    Clock seoulMorning = Clock.fixed(Instant.parse("2024-06-06T23:00:00Z"), ZoneOffset.UTC);
    HuggingFaceSource early = new HuggingFaceSource(URI.create(server.base()), client, Duration.ofSeconds(30),
        seoulMorning);

    assertThat(early.fetch(DAY)).isInstanceOfSatisfying(FetchResult.NotYet.class,
        n -> assertThat(n.why()).contains("HTTP 400").contains("UTC"));
    assertThat(source().fetch(DAY)).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isFalse();
      assertThat(f.reason()).contains("HTTP 400");
    });
  }

  @Test
  @DisplayName("ETag and 304 work for the API too")
  void conditionalGet() throws IOException {
    String json = fixture();
    server.on("/api/daily_papers", ex -> {
      if ("W/\"abc\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        respond(ex, 304, "");
      } else {
        respond(ex, 200, json, "ETag", "W/\"abc\"");
      }
    });
    HuggingFaceSource source = source();

    assertThat(source.fetch(DAY)).isInstanceOf(FetchResult.Found.class);
    assertThat(source.fetch(DAY)).isInstanceOf(FetchResult.Unchanged.class);
    assertThat(server.lastRequest().header("Accept")).isEqualTo("application/json");
  }

  @Test
  @DisplayName("a base URL with a path prefix and a trailing slash is joined cleanly; a bad one is refused")
  void baseUrl() {
    HuggingFaceSource mirror = new HuggingFaceSource(URI.create(server.base() + "/mirror/"), client,
        Duration.ofSeconds(30), LATER);
    server.on("/mirror/api/daily_papers", ex -> respond(ex, 200, "[]"));

    mirror.fetch(DAY);

    assertThat(server.lastRequest().path()).isEqualTo("/mirror/api/daily_papers");
    assertThat(mirror.name()).isEqualTo("hf:" + server.base() + "/mirror");
    assertThat(new HuggingFaceSource(HuggingFaceSource.DEFAULT_BASE_URL, client, Duration.ofSeconds(1)).url(DAY))
        .hasToString("https://huggingface.co/api/daily_papers?date=2024-06-07");
    assertThatThrownBy(() -> new HuggingFaceSource(URI.create("huggingface.co"), client, Duration.ofSeconds(1)))
        .hasMessageContaining("http:// or https://");
  }
}
