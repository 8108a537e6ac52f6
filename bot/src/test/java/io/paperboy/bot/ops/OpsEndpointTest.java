package io.paperboy.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.health.Readiness;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackRenderer;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.slack.FakeSlack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations endpoint over real HTTP, on the real composition root: liveness, readiness with
 * each check's detail (and 503 when one fails), Prometheus metrics that move after a real alert
 * delivery through Bolt's client to the fake Slack.
 */
@DisplayName("Operations endpoint: /healthz, /readyz, /metrics over HTTP; the metrics move after a real delivery")
class OpsEndpointTest {

  private static final String CHANNEL = "C0OPS";
  private static final ChannelRef HERE = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, CHANNEL);

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeSlack fake;
  private Paperboy app;
  private OpsServer ops;

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlack.start().channel(CHANNEL, FakeSlack.Membership.MEMBER);
    app = Paperboy.open(PaperboyConfig.defaults().withDatabase(dir.resolve("p.db").toString()), Clock.systemUTC());
    ops = app.serveOps("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    ops.close();
    app.close();
    fake.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(ops, path);
  }

  private HttpResponse<String> get(OpsServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Scrapes until {@code condition} holds (the counters move on the delivery threads), or fails saying what it saw. */
  private String awaitMetrics(Predicate<String> condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String body;
    do {
      body = get("/metrics").body();
      if (condition.test(body)) {
        return body;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("metrics never showed " + what + ":\n" + body);
  }

  @Test
  @DisplayName("liveness and readiness answer with what was checked; a failing check turns /readyz 503 and says why")
  void healthAndReadiness() throws Exception {
    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");

    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).startsWith("ready\n").contains("[ok] database: sqlite " + dir.resolve("p.db"))
        .containsPattern("schema V\\d+");

    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/healthzz").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + "/readyz"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  @DisplayName("one failing check among passing ones turns /readyz 503, listing each check with its detail")
  void oneFailingCheck() throws Exception {
    // GIVEN the checks of a running instance whose Discord gateway dropped (as the adapter reports it)
    Readiness readiness = new Readiness();
    try (SqliteStores stores = SqliteStores.open(dir.resolve("other.db"))) {
      readiness.register("database", () -> new Readiness.Check("database", stores.health().ready(), stores.health().detail()));
      readiness.register("discord", () -> Readiness.Check.notReady("discord", "gateway disconnected (code 4004)"));
      try (OpsServer server = OpsServer.start("127.0.0.1", 0, readiness, () -> "")) {
        HttpResponse<String> notReady = get(server, "/readyz");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).startsWith("not ready\n")
            .contains("[not ready] discord: gateway disconnected (code 4004)").contains("[ok] database");
        assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  @DisplayName("the database going away turns /readyz 503 naming the database, while /healthz still answers")
  void databaseGone() throws Exception {
    app.close();
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("[not ready] database: sqlite " + dir.resolve("p.db") + " does not answer");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("after an alert is delivered: posts sent, ingest counts, command latency and the outbox gauges moved")
  void metricsMoveAfterARealDelivery() throws Exception {
    HttpResponse<String> first = get("/metrics");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue(OpsServer.PROMETHEUS_TEXT);
    assertThat(first.body()).contains("paperboy_posts_sent_total{platform=\"slack\"} 0.0")
        .contains("paperboy_posts_failed_total{platform=\"discord\"} 0.0")
        .contains("paperboy_outbox_depth{status=\"pending\"} 0.0")
        .contains("paperboy_outbox_oldest_due_age_seconds 0.0");

    // GIVEN an alert on a channel of the fake Slack, and the delivery worker posting there
    SlackGateway gateway = new SlackGateway(SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN),
        new SlackRenderer(), Duration.ofSeconds(30), 3);
    try (DeliveryRuntime delivery = app.startDelivery(Map.of(Platform.SLACK, gateway))) {
      ParsedCommand p = app.commands().parse("alert", "add 확산");
      app.commands().execute(new CommandRequest("alert", p.subcommand(), p.options(),
          new Caller("U0ADMIN", "ada", true), HERE, Clock.systemUTC().instant())).toCompletableFuture().join();

      // WHEN today's digest with a matching paper is ingested
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
      Path day = dir.resolve("day.md");
      Files.writeString(day, "## Daily Papers (" + today + ")\n\n"
          + "### [Video Diffusion](https://arxiv.org/abs/2406.11111)\n\nVote: 5\n\n- 확산모델로 비디오를 만든다.\n\n"
          + "### [Unrelated](https://arxiv.org/abs/2406.33333)\n\nVote: 1\n\n- 조용한 논문\n");
      app.ingest(List.of(day), IngestProgress.NONE);

      // THEN the post reaches the fake, and the counters say so
      // the sent and messages counters move one after the other: wait for both, a scrape may fall between
      String after = awaitMetrics(m -> m.contains("paperboy_posts_sent_total{platform=\"slack\"} 1.0")
          && m.contains("paperboy_posts_messages_total{platform=\"slack\"} 1.0"), "one Slack post sent");
      assertThat(fake.messages(CHANNEL)).hasSize(1);
      assertThat(after).contains("paperboy_posts_messages_total{platform=\"slack\"} 1.0")
          .contains("paperboy_posts_sent_total{platform=\"discord\"} 0.0")
          .contains("paperboy_ingest_days_total 1.0")
          .contains("paperboy_ingest_entries_total{change=\"added\"} 2.0")
          .contains("paperboy_ingest_papers_new_total 2.0")
          .contains("paperboy_command_latency_seconds_count{command=\"alert\",outcome=\"answered\"} 1")
          .contains("paperboy_command_latency_seconds_bucket{command=\"alert\",outcome=\"answered\",le=\"+Inf\"} 1")
          .contains("paperboy_outbox_depth{status=\"attempting\"} 0.0")
          .contains("jvm_memory_used_bytes");
    }
  }
}
