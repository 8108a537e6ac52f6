package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;
import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.DigestDays;
import io.paperboy.scheduler.plan.PlanRules;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.outbox.OutboxDrain;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two shared workers (two instances) on one real PostgreSQL outbox, each with its own Slack
 * gateway (real Bolt client, loopback fake Slack). A claims a three-part Slack post, posts part 0
 * and is held there (its HTTP client blocks on part 0's answer: a SIGSTOP or long GC) past its
 * lease. B takes the row over and completes it. B had read the channel's history earlier (for
 * another row), so a look-back trusting that cached read would miss A's part 0 and post it again.
 * When A is released, it finds its lease lost before its next part and stops. The channel holds
 * each part once.
 */
@DisplayName("A split Slack post whose holder paused past its lease: taken over and completed, each part once")
class PausedHolderTakeoverTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  private static final String CHANNEL = "C0PAUSE";
  private static final Duration LEASE = Duration.ofSeconds(4);

  /** A Slack gateway whose client blocks on the answer of its first chat.postMessage until released. */
  private static SlackGateway heldAfterFirstPost(FakeSlack fake, AtomicInteger posts, CountDownLatch held,
      CountDownLatch release) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl().toString());
    config.setStatsEnabled(false);
    OkHttpClient okHttp = SlackHttpClient.buildOkHttpClient(config).newBuilder().addInterceptor(chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      if (chain.request().url().encodedPath().endsWith("/chat.postMessage") && posts.incrementAndGet() == 1) {
        held.countDown();
        try {
          release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return response;
    }).build();
    return SlackGateway.create(Slack.getInstance(config, new SlackHttpClient(okHttp)), FakeSlack.BOT_TOKEN);
  }

  private static DeliveryWorker worker(PostgresStores stores, DailyPosts posts, ChannelGateway slack, String instance) {
    return new DeliveryWorker(stores.outbox(), Map.of(Kind.DIGEST, posts, Kind.NO_DIGEST, posts),
        Map.of(Platform.SLACK, slack), new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 5),
        DeliveryFixture.WINDOW, Duration.ofMillis(200), 2, Clock.systemUTC(),
        io.paperboy.bot.config.DeliveryConfig.DEFAULT_MAX_MESSAGES, DeliveryEvents.NONE,
        DeliveryWorker.Sharing.shared(instance, LEASE));
  }

  @Test
  void pausedHolderStopsTakeoverCompletes() throws Exception {
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    try (FakeSlack fake = FakeSlack.start().channel(CHANNEL, FakeSlack.Membership.MEMBER);
         PostgresStores stores = PostgresStores.open(pg.paperboyUrl())) {
      ChannelRef channel = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, CHANNEL);
      Instant since = today.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      // threads style, two papers: a head message and two replies, three parts
      stores.subscriptions().save(Subscription.of(channel, LocalTime.MIDNIGHT, ZoneOffset.UTC, DaySet.DAILY, since)
          .withStyle(Subscription.Style.THREADS), since);
      stores.papers().save(DeliveryFixture.digest(today, 2));
      DailyPosts posts = new DailyPosts(stores.papers(), new DailyPostFormatter());

      AtomicInteger aPosts = new AtomicInteger();
      CountDownLatch aHeld = new CountDownLatch(1);
      CountDownLatch releaseA = new CountDownLatch(1);
      SlackGateway gatewayA = heldAfterFirstPost(fake, aPosts, aHeld, releaseA);
      SlackGateway gatewayB = SlackGateway.create(SlackClients.create(fake.apiUrl()), FakeSlack.BOT_TOKEN);

      // GIVEN B read the channel's history a moment ago, for another interrupted row: that read is cached
      gatewayB.post(channel, Message.builder().text("another row").build(),
          new PostOptions(PostStyle.DIGEST, "other-row", true, Optional.of(now.minusSeconds(60))));
      assertThat(fake.calls("conversations.history")).hasSize(1);

      new DeliveryPlanner(stores.subscriptions(), stores.outbox(), stores.reports(), DigestDays.of(stores.papers()),
          new PlanRules(DeliveryFixture.WINDOW), EnumSet.of(Platform.SLACK), Clock.systemUTC(), () -> { }).planOnce();
      Delivery row = stores.reports().find(new OutboxKey(channel, Kind.DIGEST, today.toString())).orElseThrow();

      DeliveryWorker a = worker(stores, posts, gatewayA, "A");
      DeliveryWorker b = worker(stores, posts, gatewayB, "B");
      try {
        // WHEN A claims the row, posts part 0 and is held there past its lease
        a.start();
        assertThat(aHeld.await(2, TimeUnit.MINUTES)).as("A posted part 0").isTrue();
        // AND B takes the row over once A's lease has run out, and finishes it
        b.start();
        OutboxDrain.await(stores.reports(), Duration.ofMinutes(2));
        assertThat(stores.reports().find(row.id()).orElseThrow().status()).isEqualTo(Status.SENT);
      } finally {
        // AND A resumes
        releaseA.countDown();
        a.stop(Duration.ofSeconds(30));
        b.stop(Duration.ofSeconds(30));
      }

      // THEN A posted nothing after its part 0: before part 1 it found its lease lost
      assertThat(aPosts).as("A's chat.postMessage calls").hasValue(1);
      // AND the channel holds each of the three parts exactly once, and the row names them
      List<PostedMessage> parts = fake.messages(CHANNEL).stream()
          .filter(m -> m.metadata().map(md -> md.path("event_payload").path("key").asText()).orElse("")
              .equals(RowDelivery.idempotencyKey(row)))
          .toList();
      assertThat(parts).extracting(m -> m.metadata().orElseThrow().path("event_payload").path("part").asInt())
          .containsExactly(0, 1, 2);
      Delivery sent = stores.reports().find(row.id()).orElseThrow();
      assertThat(sent.attempts()).as("A's attempt, then B's").isEqualTo(2);
      assertThat(sent.messageIds()).containsExactlyElementsOf(parts.stream().map(PostedMessage::ts).toList());
      assertThat(fake.calls("conversations.history").size()).as("B read again for the takeover").isGreaterThan(1);
    }
  }
}
