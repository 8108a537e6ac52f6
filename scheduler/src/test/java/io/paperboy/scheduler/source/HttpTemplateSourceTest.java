package io.paperboy.scheduler.source;

import static io.paperboy.scheduler.source.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpTemplateSourceTest {

  private static final LocalDate DAY = LocalDate.of(2024, 6, 7);
  private static final String DIGEST = LineDigestReader.text(DAY, "2406.04325 35 ShareGPT4Video", "2406.04000 - Other");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final LineDigestReader reader = new LineDigestReader();
  private LoopbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
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
  @DisplayName("placeholders {yyyy} {MM} {dd} {date} expand to the day's URL")
  void expandsPlaceholders() {
    HttpTemplateSource s = new HttpTemplateSource("https://h.example/{yyyy}/{MM}/{dd}/{date}.md", client,
        Duration.ofSeconds(1), reader);
    assertThat(s.url(LocalDate.of(2024, 3, 5))).hasToString("https://h.example/2024/03/05/2024-03-05.md");
    assertThat(s.name()).isEqualTo("http:https://h.example/{yyyy}/{MM}/{dd}/{date}.md");
  }

  @Test
  @DisplayName("a bad template is refused when the source is built, with the reason")
  void refusesBadTemplates() {
    assertThatThrownBy(() -> new HttpTemplateSource("https://h.example/{year}.md", client, Duration.ofSeconds(1), reader))
        .hasMessageContaining("unknown placeholder {year}");
    assertThatThrownBy(() -> new HttpTemplateSource("ftp://h.example/{date}.md", client, Duration.ofSeconds(1), reader))
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> new HttpTemplateSource("https://h.example/{date.md", client, Duration.ofSeconds(1), reader))
        .hasMessageContaining("valid URL");
  }

  @Test
  @DisplayName("200 with an ETag is found; the next GET sends If-None-Match and a 304 means unchanged")
  void etagFlow() {
    // GIVEN a server that honours If-None-Match
    server.on("/daily/", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        respond(ex, 304, "", "ETag", "\"v1\"");
      } else {
        respond(ex, 200, DIGEST, "ETag", "\"v1\"", "Content-Type", "text/markdown; charset=utf-8");
      }
    });
    HttpTemplateSource source = source();

    // WHEN fetched twice
    FetchResult first = source.fetch(DAY);
    FetchResult second = source.fetch(DAY);

    // THEN the body reached the reader once, and the second request was conditional
    assertThat(first).isInstanceOf(FetchResult.Found.class);
    FetchResult.Found found = (FetchResult.Found) first;
    assertThat(found.origin()).isEqualTo(server.base() + "/daily/2024/06/07.md");
    assertThat(found.digest().entries()).extracting(e -> e.arxivId()).containsExactly("2406.04325", "2406.04000");
    assertThat(reader.calls).isEqualTo(1);
    assertThat(new String(reader.lastContent, StandardCharsets.UTF_8)).isEqualTo(DIGEST);
    assertThat(second).isInstanceOf(FetchResult.Unchanged.class);
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(0).header("If-None-Match")).isNull();
    assertThat(server.requests().get(0).path()).isEqualTo("/daily/2024/06/07.md");
    assertThat(server.requests().get(0).header("User-Agent")).startsWith("Paperboy");
    assertThat(server.requests().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
  }

  @Test
  @DisplayName("Last-Modified is sent back as If-Modified-Since; a changed file is read again")
  void lastModifiedFlow() {
    String stamp = "Fri, 07 Jun 2024 09:00:00 GMT";
    AtomicInteger version = new AtomicInteger(1);
    server.on("/daily/", ex -> {
      String since = ex.getRequestHeaders().getFirst("If-Modified-Since");
      if (version.get() == 1 && stamp.equals(since)) {
        respond(ex, 304, "");
      } else {
        respond(ex, 200, version.get() == 1 ? DIGEST : LineDigestReader.text(DAY, "2406.09999 1 Updated"),
            "Last-Modified", version.get() == 1 ? stamp : "Fri, 07 Jun 2024 10:00:00 GMT");
      }
    });
    HttpTemplateSource source = source();

    assertThat(source.fetch(DAY)).isInstanceOf(FetchResult.Found.class);
    assertThat(source.fetch(DAY)).isInstanceOf(FetchResult.Unchanged.class);
    version.set(2);
    FetchResult third = source.fetch(DAY);

    assertThat(server.requests().get(1).header("If-Modified-Since")).isEqualTo(stamp);
    assertThat(server.requests().get(1).header("If-None-Match")).isNull();
    assertThat(third).isInstanceOf(FetchResult.Found.class);
    assertThat(((FetchResult.Found) third).digest().entries().get(0).arxivId()).isEqualTo("2406.09999");
  }

  @Test
  @DisplayName("404 and 410 mean not published yet")
  void notFoundIsNotYet() {
    server.on("/daily/2024/06/07.md", ex -> respond(ex, 404, "no such file"));
    server.on("/daily/2024/06/08.md", ex -> respond(ex, 410, ""));

    FetchResult missing = source().fetch(DAY);
    FetchResult gone = source().fetch(DAY.plusDays(1));

    assertThat(missing).isInstanceOfSatisfying(FetchResult.NotYet.class,
        n -> assertThat(n.why()).contains(server.base() + "/daily/2024/06/07.md").contains("404"));
    assertThat(gone).isInstanceOfSatisfying(FetchResult.NotYet.class, n -> assertThat(n.why()).contains("410"));
    assertThat(reader.calls).isZero();
  }

  @Test
  @DisplayName("500 is a transient failure naming the URL and the status")
  void serverErrorIsTransient() {
    server.on("/daily/", ex -> respond(ex, 500, "boom"));

    FetchResult result = source().fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).contains("/daily/2024/06/07.md").contains("HTTP 500");
      assertThat(f.retryAfter()).isEmpty();
    });
  }

  @Test
  @DisplayName("429 with Retry-After is transient and reports how long to wait")
  void tooManyRequestsReportsRetryAfter() {
    server.on("/daily/", ex -> respond(ex, 429, "slow down", "Retry-After", "120"));

    FetchResult result = source().fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.retryAfter()).contains(Duration.ofSeconds(120));
      assertThat(f.reason()).contains("HTTP 429").contains("wait 120 s");
    });
  }

  @Test
  @DisplayName("other 4xx is a permanent failure; a redirect the client does not follow is named")
  void clientErrorsArePermanent() {
    server.on("/daily/2024/06/07.md", ex -> respond(ex, 403, "forbidden"));
    server.on("/daily/2024/06/08.md", ex -> respond(ex, 301, "", "Location", "https://elsewhere.example/x.md"));

    FetchResult forbidden = source().fetch(DAY);
    FetchResult moved = source().fetch(DAY.plusDays(1));

    assertThat(forbidden).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isFalse();
      assertThat(f.reason()).contains("HTTP 403");
    });
    assertThat(moved).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isFalse();
      assertThat(f.reason()).contains("301").contains("https://elsewhere.example/x.md");
    });
  }

  @Test
  @DisplayName("a body the reader refuses is a transient failure with the reader's line, and is not remembered")
  void refusedBodyIsNotRemembered() {
    server.on("/daily/", ex -> respond(ex, 200, "<html>proxy error</html>", "ETag", "\"err\""));
    HttpTemplateSource source = source();

    FetchResult first = source.fetch(DAY);
    source.fetch(DAY);

    assertThat(first).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isTrue();
      assertThat(f.reason()).startsWith(server.base() + "/daily/2024/06/07.md:1: not a digest");
    });
    assertThat(server.requests().get(1).header("If-None-Match")).isNull();
  }

  @Test
  @DisplayName("a URL still serving another day's digest is 'not yet', also when it answers 304 later")
  void otherDaysDigestIsNotYetEvenWhenUnchanged() {
    HttpTemplateSource latest = new HttpTemplateSource(server.base() + "/latest.md", client, Duration.ofSeconds(30),
        reader);
    server.on("/latest.md", ex -> {
      if (ex.getRequestHeaders().getFirst("If-None-Match") != null) {
        respond(ex, 304, "");
      } else {
        respond(ex, 200, LineDigestReader.text(DAY.minusDays(1), "2406.00001 3 Yesterday"), "ETag", "\"y\"");
      }
    });

    FetchResult first = latest.fetch(DAY);
    FetchResult second = latest.fetch(DAY);

    // the poller compares dates for a Found; the source itself must not turn a 304 into "unchanged"
    assertThat(first).isInstanceOfSatisfying(FetchResult.Found.class,
        f -> assertThat(f.digest().date()).isEqualTo(DAY.minusDays(1)));
    assertThat(second).isInstanceOfSatisfying(FetchResult.NotYet.class,
        n -> assertThat(n.why()).contains("still holds the digest of 2024-06-06"));
  }

  @Test
  @DisplayName("invalidate forgets the validators: the next GET is unconditional")
  void invalidateForgetsValidators() {
    server.on("/daily/", ex -> respond(ex, 200, DIGEST, "ETag", "\"v1\""));
    HttpTemplateSource source = source();

    source.fetch(DAY);
    source.invalidate(DAY);
    FetchResult again = source.fetch(DAY);

    assertThat(server.requests().get(1).header("If-None-Match")).isNull();
    assertThat(again).isInstanceOf(FetchResult.Found.class);
  }

  @Test
  @DisplayName("a 304 to an unconditional request is a transient failure, not 'unchanged'")
  void unexpected304() {
    server.on("/daily/", ex -> respond(ex, 304, ""));

    assertThat(source().fetch(DAY)).isInstanceOfSatisfying(FetchResult.Failed.class,
        f -> assertThat(f.reason()).contains("304").contains("not conditional"));
  }
}
