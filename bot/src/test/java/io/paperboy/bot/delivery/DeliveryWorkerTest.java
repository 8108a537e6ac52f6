package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostStyle;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker on a real SQLite file against the loopback fake platform, in one process. */
@DisplayName("DeliveryWorker: every post once, through storms, gone channels and interrupted attempts")
class DeliveryWorkerTest {

  static final RetryPolicy QUICK = new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(50), 30);
  static final Duration GUARD = Duration.ofSeconds(60);

  @TempDir
  Path dir;
  FakePlatform fake;
  DeliveryFixture f;
  Clock clock;
  Map<Platform, ChannelGateway> gateways;

  @BeforeEach
  void open() throws Exception {
    fake = new FakePlatform();
    f = new DeliveryFixture(dir.resolve("p.db"));
    f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY, 7));
    clock = DeliveryFixture.clockAt(DeliveryFixture.SLOT.plusSeconds(60));
    gateways = Map.of(Platform.DISCORD, new HttpTestGateway(Platform.DISCORD, fake.baseUrl()),
        Platform.SLACK, new HttpTestGateway(Platform.SLACK, fake.baseUrl()));
  }

  @AfterEach
  void close() {
    f.close();
    fake.close();
  }

  /** Plans at the clock's time, runs the worker until the outbox is drained, stops it. */
  void deliver(RetryPolicy retry, int parallelism) throws InterruptedException {
    DeliveryWorker worker = f.worker(gateways, retry, parallelism, clock);
    f.planner(clock, worker::wake).planOnce();
    worker.start();
    try {
      f.awaitQuiet(GUARD);
    } finally {
      worker.stop(Duration.ofSeconds(10));
    }
  }

  /** Every channel holds each of its row's parts exactly once, and the row records their ids. */
  void assertExactlyOnce(List<ChannelRef> channels) {
    for (ChannelRef c : channels) {
      Delivery row = f.reports.find(new OutboxKey(c, Kind.DIGEST, DeliveryFixture.DAY.toString())).orElseThrow();
      assertThat(row.status()).as(c.key()).isEqualTo(Status.SENT);
      List<FakePlatform.Posted> posts = fake.postsIn(c.channel());
      assertThat(posts).as(c.key()).hasSize(3);
      List<String> expectedKeys = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String partKey = "digest:" + DeliveryFixture.DAY + ":" + row.id() + "/" + i;
        expectedKeys.add(c.platform() == Platform.DISCORD ? HttpTestGateway.nonce(partKey) : partKey);
      }
      assertThat(posts).extracting(FakePlatform.Posted::key).as(c.key()).containsExactlyElementsOf(expectedKeys);
      assertThat(row.messageIds()).as(c.key()).containsExactlyElementsOf(
          posts.stream().map(FakePlatform.Posted::id).toList());
    }
  }

  @Test
  @DisplayName("429 and 5xx storms (some 5xx after the post was stored), then every channel holds its post once")
  void storms() throws Exception {
    List<ChannelRef> channels = new ArrayList<>(f.subscribe(Platform.DISCORD, "G1", "D", 10));
    channels.addAll(f.subscribe(Platform.SLACK, "T1", "S", 10));
    List<FakePlatform.Fault> storm = new ArrayList<>();
    storm.addAll(Collections.nCopies(40, FakePlatform.Fault.RATE_LIMITED));
    storm.addAll(Collections.nCopies(25, FakePlatform.Fault.UNAVAILABLE));
    storm.addAll(Collections.nCopies(15, FakePlatform.Fault.POSTED_THEN_BAD_GATEWAY));
    Collections.shuffle(storm, new Random(7));
    fake.queueFaults(storm);
    fake.retryAfterMillis(20);

    deliver(QUICK, 4);

    assertThat(fake.faultsLeft()).isZero();
    assertThat(fake.rateLimitedAnswers()).isEqualTo(40);
    assertThat(fake.serverErrorAnswers()).isEqualTo(40);
    assertExactlyOnce(channels);
    // the posts that were stored before a 502 were found again, not posted twice
    assertThat(fake.dedupHits() + fake.historyCalls()).isPositive();
    List<Delivery> rows = f.reports.all();
    assertThat(rows.stream().mapToInt(Delivery::attempts).sum()).isGreaterThan(rows.size());
    // rate limits do not count as failures: fewer failures than extra attempts
    assertThat(rows.stream().mapToInt(Delivery::failures).sum())
        .isLessThan(rows.stream().mapToInt(d -> d.attempts() - 1).sum());
  }

  @Test
  @DisplayName("a channel that is gone or forbids the bot fails its post and pauses its subscription, saying why")
  void goneAndForbiddenPause() throws Exception {
    List<ChannelRef> discord = f.subscribe(Platform.DISCORD, "G1", "D", 3);
    List<ChannelRef> slack = f.subscribe(Platform.SLACK, "T1", "S", 3);
    fake.gone("D1");
    fake.forbidden("S2");

    deliver(QUICK, 2);

    Delivery gone = f.reports.find(new OutboxKey(discord.get(1), Kind.DIGEST, "2024-06-07")).orElseThrow();
    assertThat(gone.status()).isEqualTo(Status.FAILED);
    assertThat(gone.lastError().orElseThrow()).contains("the channel is gone").contains("10003");
    Subscription paused = f.subscriptions.find(discord.get(1)).orElseThrow();
    assertThat(paused.paused()).isTrue();
    assertThat(paused.pauseReason().orElseThrow()).contains("the channel is gone");
    Subscription forbidden = f.subscriptions.find(slack.get(2)).orElseThrow();
    assertThat(forbidden.pauseReason().orElseThrow()).contains("may not post").contains("not_in_channel");
    assertThat(fake.postsIn("D1")).isEmpty();
    assertExactlyOnce(List.of(discord.get(0), discord.get(2), slack.get(0), slack.get(1)));

    // the next day, paused channels get nothing planned
    f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY.plusDays(1), 2));
    var next = f.planner(DeliveryFixture.clockAt(DeliveryFixture.SLOT.plus(Duration.ofDays(1)).plusSeconds(1)), () -> { })
        .planOnce();
    assertThat(next.due()).extracting(PlannedDelivery::channel)
        .containsExactlyInAnyOrder(discord.get(0), discord.get(2), slack.get(0), slack.get(1));
  }

  @Test
  @DisplayName("5xx without end: the post is failed after the configured attempts, with the reason")
  void givesUp() throws Exception {
    List<ChannelRef> one = f.subscribe(Platform.SLACK, "T1", "S", 1);
    fake.queueFaults(Collections.nCopies(100, FakePlatform.Fault.UNAVAILABLE));

    deliver(new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 3), 1);

    Delivery row = f.reports.find(new OutboxKey(one.get(0), Kind.DIGEST, "2024-06-07")).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.FAILED);
    assertThat(row.attempts()).isEqualTo(3);
    assertThat(row.lastError().orElseThrow()).isEqualTo("gave up after 3 attempts: http-503: HTTP 503");
    assertThat(fake.postsIn("S0")).isEmpty();
    assertThat(f.subscriptions.find(one.get(0)).orElseThrow().paused()).isFalse();
  }

  @Test
  @DisplayName("posts to one channel go out in order: a retry of the older post holds back the newer one")
  void perChannelOrder() throws Exception {
    ChannelRef c = f.subscribe(Platform.SLACK, "T1", "S", 1).get(0);
    f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY.minusDays(1), 2));
    Subscription s = f.subscriptions.find(c).orElseThrow();
    f.outbox.enqueue(List.of(
        PlannedDelivery.of(s, Kind.DIGEST, DeliveryFixture.DAY.minusDays(1).toString(),
            DeliveryFixture.SLOT.minus(Duration.ofHours(1)), Optional.empty()),
        PlannedDelivery.of(s, Kind.DIGEST, DeliveryFixture.DAY.toString(), DeliveryFixture.SLOT, Optional.empty())),
        DeliveryFixture.SLOT);
    fake.queueFaults(List.of(FakePlatform.Fault.UNAVAILABLE, FakePlatform.Fault.UNAVAILABLE));

    deliver(QUICK, 4);

    List<String> keys = fake.postsIn("S0").stream().map(FakePlatform.Posted::key).toList();
    assertThat(keys).hasSize(4);
    assertThat(keys.get(0)).startsWith("digest:2024-06-06:");
    assertThat(keys.subList(1, 4)).allMatch(k -> k.startsWith("digest:2024-06-07:"));
  }

  @Test
  @DisplayName("a row found attempting at start-up is retried looking for its parts: nothing is posted twice")
  void interruptedAttempt() throws Exception {
    ChannelRef slack = f.subscribe(Platform.SLACK, "T1", "S", 1).get(0);
    ChannelRef discord = f.subscribe(Platform.DISCORD, "G1", "D", 1).get(0);
    f.planner(clock, () -> { }).planOnce();
    // GIVEN a previous process claimed both rows and posted the first two parts before dying
    for (ChannelRef c : List.of(slack, discord)) {
      Delivery row = f.reports.find(new OutboxKey(c, Kind.DIGEST, "2024-06-07")).orElseThrow();
      f.outbox.claim(row.id(), clock.instant(), new Lease("a process that died", clock.instant().plusSeconds(900)));
      var message = ((PostComposer.Post) f.dailyPosts.compose(row)).message();
      List<String> parts = ((HttpTestGateway) gateways.get(c.platform())).parts(message);
      PostOptions first = new PostOptions(PostStyle.DIGEST, RowDelivery.idempotencyKey(row));
      Message2Parts.postFirstParts(gateways.get(c.platform()), c, message, first, 2, parts.size());
    }
    assertThat(fake.postsIn("S0")).hasSize(2);

    // WHEN a new worker starts
    deliver(QUICK, 2);

    // THEN each channel holds every part once
    assertExactlyOnce(List.of(slack, discord));
    assertThat(fake.historyCalls()).isEqualTo(1);
    assertThat(fake.dedupHits()).isEqualTo(2);
  }

  @Test
  @DisplayName("a post older than the catch-up window is skipped and logged, not sent")
  void staleRowSkipped() throws Exception {
    ChannelRef c = f.subscribe(Platform.DISCORD, "G1", "D", 1).get(0);
    Subscription s = f.subscriptions.find(c).orElseThrow();
    f.outbox.enqueue(List.of(PlannedDelivery.of(s, Kind.DIGEST, "2024-06-07",
        DeliveryFixture.SLOT.minus(Duration.ofHours(25)), Optional.empty())), DeliveryFixture.SLOT);

    DeliveryWorker worker = f.worker(gateways, QUICK, 1, clock);
    worker.start();
    try {
      f.awaitQuiet(GUARD);
    } finally {
      worker.stop(Duration.ofSeconds(5));
    }

    Delivery row = f.reports.all().get(0);
    assertThat(row.status()).isEqualTo(Status.SKIPPED);
    assertThat(row.lastError().orElseThrow()).startsWith("missed by 25h").contains("beyond the 24h catch-up window");
    assertThat(fake.postsIn("D0")).isEmpty();
  }

  @Test
  @DisplayName("a vote threshold that no paper reaches posts nothing; the row says why")
  void thresholdNobodyReaches() throws Exception {
    ChannelRef strict = f.subscribe(Platform.SLACK, "T1", "S", 1).get(0);
    f.subscriptions.save(f.subscriptions.find(strict).orElseThrow().withMinVotes(Optional.of(1000)),
        DeliveryFixture.SLOT);

    deliver(QUICK, 2);

    Delivery row = f.reports.find(new OutboxKey(strict, Kind.DIGEST, "2024-06-07")).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.SKIPPED);
    assertThat(row.lastError()).contains("none of the 7 papers of 2024-06-07 has at least 1000 votes");
    assertThat(fake.postsIn("S0")).isEmpty();
  }

  @Test
  @DisplayName("a channel that asked for it gets the short note on a day without a digest")
  void noDigestNote() throws Exception {
    ChannelRef noted = ChannelRef.of(Platform.SLACK, "T1", "N0");
    // subscribed on Friday afternoon, after Friday's post
    f.subscriptions.save(Subscription.of(noted, java.time.LocalTime.of(9, 0), java.time.ZoneId.of("Asia/Seoul"),
        io.paperboy.store.delivery.DaySet.DAILY, DeliveryFixture.SLOT.plus(Duration.ofHours(6))).withNoDigestNote(true),
        DeliveryFixture.SLOT);
    clock = DeliveryFixture.clockAt(DeliveryFixture.SLOT.plus(Duration.ofDays(1)).plusSeconds(30)); // Saturday

    deliver(QUICK, 2);

    assertThat(f.reports.all()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Kind.NO_DIGEST);
      assertThat(d.key()).isEqualTo("2024-06-08");
      assertThat(d.status()).isEqualTo(Status.SENT);
    });
    assertThat(fake.postsIn("N0")).singleElement()
        .satisfies(p -> assertThat(p.text()).contains("No digest today (Saturday, 8 June 2024)"));
  }
}
