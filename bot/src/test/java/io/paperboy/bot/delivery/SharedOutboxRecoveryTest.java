package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that shares its outbox with other instances never takes back a row another instance
 * holds under a live lease — not at start, unlike the one-process worker — and takes it back
 * once that lease has passed (the holder died), posting it once.
 */
@DisplayName("Shared outbox: a live lease of another instance is left alone; an expired one is taken back and posted once")
class SharedOutboxRecoveryTest {

  @TempDir
  Path dir;

  @Test
  void expiredLeaseRecoveredLiveLeaseLeftAlone() throws Exception {
    try (DeliveryFixture f = new DeliveryFixture(dir.resolve("p.db")); FakePlatform fake = new FakePlatform()) {
      f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY, 4));
      ChannelRef held = f.subscribe(ChannelRef.of(Platform.SLACK, "T1", "HELD"));
      ChannelRef free = f.subscribe(ChannelRef.of(Platform.SLACK, "T1", "FREE"));
      Clock clock = DeliveryFixture.clockAt(DeliveryFixture.SLOT.plusSeconds(60));
      f.planner(clock, () -> { }).planOnce();

      // GIVEN another instance claimed one row and died mid-post: its lease runs 2 s more
      Delivery row = f.reports.find(new OutboxKey(held, Kind.DIGEST, DeliveryFixture.DAY.toString())).orElseThrow();
      Instant leaseEnd = clock.instant().plusSeconds(2);
      assertThat(f.outbox.claim(row.id(), clock.instant(), new Lease("4242@other-host worker dead", leaseEnd))).isPresent();

      // WHEN this instance's shared worker starts
      Map<Platform, ChannelGateway> gateways = Map.of(Platform.SLACK, new HttpTestGateway(Platform.SLACK, fake.baseUrl()));
      DeliveryWorker worker = new DeliveryWorker(f.outbox,
          Map.of(Kind.DIGEST, f.dailyPosts, Kind.NO_DIGEST, f.dailyPosts), gateways,
          new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(50), 5), DeliveryFixture.WINDOW, Duration.ofMillis(200),
          2, clock, io.paperboy.bot.config.DeliveryConfig.DEFAULT_MAX_MESSAGES, DeliveryEvents.NONE,
          DeliveryWorker.Sharing.shared("1@this-host", Duration.ofSeconds(4)));
      try {
        worker.start();
        // THEN the live lease survives the start (a one-process worker would have taken it back here)
        Delivery afterStart = f.reports.find(row.id()).orElseThrow();
        if (clock.instant().isBefore(leaseEnd)) {
          assertThat(afterStart.status()).isEqualTo(Status.ATTEMPTING);
          assertThat(afterStart.lease()).map(Lease::holder).hasValue("4242@other-host worker dead");
        }
        // AND once it has passed, the row is taken back and posted once, beside the free channel's
        f.awaitQuiet(Duration.ofSeconds(30));
      } finally {
        worker.stop(Duration.ofSeconds(5));
      }
      Delivery sent = f.reports.find(row.id()).orElseThrow();
      assertThat(sent.status()).isEqualTo(Status.SENT);
      assertThat(sent.attempts()).as("the dead instance's attempt, then ours").isEqualTo(2);
      assertThat(fake.postsIn(held.channel())).hasSize(2); // the digest's two parts, once each
      assertThat(fake.postsIn(free.channel())).hasSize(2);
      assertThat(fake.historyCalls()).as("the retry looked for what the dead attempt posted").isPositive();
    }
  }
}
