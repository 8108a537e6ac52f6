package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox failing in the middle of a delivery. A real SQLite file cannot be made to fail one
 * chosen transaction on cue, so the real store is wrapped by a Mockito stand-in that delegates
 * every call to it and throws once, where the test says.
 */
@DisplayName("DeliveryWorker: the store failing mid-delivery loses nothing and posts nothing twice")
class DeliveryStoreFailureTest {

  private static final Duration GUARD = DeliveryWorkerTest.GUARD;

  @TempDir
  Path dir;
  private FakePlatform fake;
  private DeliveryFixture f;
  private Clock clock;
  private Map<Platform, ChannelGateway> gateways;
  private ChannelRef channel;

  @BeforeEach
  void open() throws Exception {
    fake = new FakePlatform();
    f = new DeliveryFixture(dir.resolve("p.db"));
    f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY, 7));
    clock = DeliveryFixture.clockAt(DeliveryFixture.SLOT.plusSeconds(60));
    gateways = Map.of(Platform.SLACK, new HttpTestGateway(Platform.SLACK, fake.baseUrl()));
    channel = f.subscribe(ChannelRef.of(Platform.SLACK, "T1", "S0"));
    f.planner(clock, () -> { }).planOnce();
  }

  @AfterEach
  void close() {
    f.close();
    fake.close();
  }

  private DeliveryWorker worker(OutboxStore outbox) {
    return new DeliveryWorker(outbox, Map.of(Kind.DIGEST, f.dailyPosts, Kind.NO_DIGEST, f.dailyPosts), gateways,
        DeliveryWorkerTest.QUICK, DeliveryFixture.WINDOW, Duration.ofMillis(200), 2, clock);
  }

  /**
   * Runs a worker on the real outbox wrapped so that {@code call} throws {@code error} the first
   * time, until the outbox is drained.
   */
  private void drainThroughAnOutboxFailingOnce(String error, Consumer<OutboxStore> call) throws Exception {
    OutboxStore outbox = mock(OutboxStore.class, delegatesTo(f.outbox));
    CountDownLatch failed = new CountDownLatch(1);
    call.accept(doAnswer(invocation -> {
      failed.countDown();
      throw new IllegalStateException(error);
    }).doAnswer(delegatesTo(f.outbox)).when(outbox));
    DeliveryWorker worker = worker(outbox);
    worker.start();
    try {
      assertThat(failed.await(GUARD.toSeconds(), TimeUnit.SECONDS)).as("the store failed").isTrue();
      f.awaitQuiet(GUARD);
    } finally {
      worker.stop(Duration.ofSeconds(10));
    }
  }

  private Delivery row() {
    return f.reports.find(new OutboxKey(channel, Kind.DIGEST, DeliveryFixture.DAY.toString())).orElseThrow();
  }

  @Test
  @DisplayName("recording the attempt fails once: the row stays pending and the same worker posts it on its next look")
  void claimFailsOnce() throws Exception {
    // GIVEN an outbox whose first claim fails (the database was locked)
    // WHEN the worker drains the outbox
    drainThroughAnOutboxFailingOnce("[SQLITE_BUSY] the database file is locked",
        outbox -> outbox.claim(anyLong(), any(), any(), any()));

    // THEN the post went out once, all three parts, on the attempt after the failure
    assertThat(row().status()).isEqualTo(Status.SENT);
    assertThat(row().attempts()).isEqualTo(1);
    assertThat(fake.postsIn("S0")).hasSize(3);
  }

  @Test
  @DisplayName("marking the post sent fails after it went out: the worker retries, finds the parts, posts none again")
  void markSentFailsAfterThePost() throws Exception {
    // GIVEN an outbox that fails to commit the "sent" mark once, after the post went out
    // WHEN the worker drains the outbox
    drainThroughAnOutboxFailingOnce("[SQLITE_IOERR] disk I/O error", outbox -> outbox.markSent(any(), any(), any()));

    // THEN the row is sent on a second attempt that looked for what the first had posted
    Delivery row = row();
    assertThat(row.status()).isEqualTo(Status.SENT);
    assertThat(row.attempts()).isEqualTo(2);
    assertThat(fake.dedupHits() + fake.historyCalls()).isPositive();
    // AND the channel holds each part once, and the row records their ids
    assertThat(fake.postsIn("S0")).hasSize(3);
    assertThat(row.messageIds()).containsExactlyElementsOf(
        fake.postsIn("S0").stream().map(FakePlatform.Posted::id).toList());
  }
}
