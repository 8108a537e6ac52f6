package io.paperboy.store.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Database;
import io.paperboy.store.Platform;
import io.paperboy.store.StoreException;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("OutboxStore: one row per (channel, kind, key), each step its own transaction")
class OutboxStoreTest {

  static final Instant T0 = Instant.parse("2024-06-07T00:00:00Z");
  static final ChannelRef A = ChannelRef.of(Platform.SLACK, "T1", "CA");
  static final ChannelRef B = ChannelRef.of(Platform.DISCORD, "G1", "CB");

  @TempDir
  Path dir;
  Database db;
  OutboxStore outbox;
  SubscriptionStore subscriptions;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("p.db"));
    outbox = new OutboxStore(db);
    subscriptions = new SubscriptionStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Subscription sub(ChannelRef channel) {
    return Subscription.of(channel, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, T0.minusSeconds(86_400));
  }

  static PlannedDelivery digest(ChannelRef channel, String date, Instant due) {
    return PlannedDelivery.of(sub(channel), Kind.DIGEST, date, due, Optional.empty());
  }

  @Test
  @DisplayName("enqueueing the same rows again adds nothing; the schema itself refuses a second row")
  void enqueueIsIdempotent() {
    List<PlannedDelivery> rows = List.of(digest(A, "2024-06-07", T0), digest(B, "2024-06-07", T0));

    assertThat(outbox.enqueue(rows, T0)).hasSize(2);
    assertThat(outbox.enqueue(rows, T0.plusSeconds(60))).isEmpty();
    assertThat(outbox.all()).hasSize(2);

    assertThatThrownBy(() -> db.write(c -> {
      try (Statement st = c.createStatement()) {
        return st.executeUpdate("""
            INSERT INTO delivery (platform, workspace, channel, kind, key, top, style, due_at, status,
                                  next_attempt_at, created_at)
            VALUES ('SLACK', 'T1', 'CA', 'digest', '2024-06-07', 0, 'digest', 'x', 'pending', 'x', 'x')""");
      }
    })).isInstanceOf(StoreException.class).hasMessageContaining("UNIQUE");
  }

  @Test
  @DisplayName("two processes planning the same posts at once still leave one row per post")
  void concurrentEnqueueFromTwoConnections() throws Exception {
    List<PlannedDelivery> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(digest(ChannelRef.of(Platform.SLACK, "T1", "C" + i), "2024-06-07", T0));
    }
    // a second Database on the same file stands in for a second process
    try (Database other = Database.open(dir.resolve("p.db"))) {
      OutboxStore second = new OutboxStore(other);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<List<PlannedDelivery>>> jobs = List.of(() -> outbox.enqueue(rows, T0),
            () -> second.enqueue(rows, T0));
        int added = 0;
        for (Future<List<PlannedDelivery>> f : pool.invokeAll(jobs)) {
          added += f.get().size();
        }
        assertThat(added).isEqualTo(200);
      } finally {
        pool.shutdown();
      }
    }
    assertThat(outbox.all()).hasSize(200);
  }

  @Test
  @DisplayName("a planned skip is recorded as skipped with its reason and never comes due")
  void plannedSkip() {
    PlannedDelivery late = PlannedDelivery.of(sub(A), Kind.DIGEST, "2024-06-01", T0.minusSeconds(6 * 86_400),
        Optional.of("missed by 6 days, beyond the 24h catch-up window"));

    outbox.enqueue(List.of(late), T0);

    Delivery row = outbox.all().get(0);
    assertThat(row.status()).isEqualTo(Status.SKIPPED);
    assertThat(row.lastError()).contains("missed by 6 days, beyond the 24h catch-up window");
    assertThat(row.finishedAt()).contains(T0);
    assertThat(outbox.due(T0, 10)).isEmpty();
  }

  @Test
  @DisplayName("due: time has come, oldest first; a channel's retry holds back its later posts, not other channels")
  void dueKeepsPerChannelOrder() {
    outbox.enqueue(List.of(
        digest(A, "2024-06-06", T0.minusSeconds(86_400)),
        digest(A, "2024-06-07", T0),
        digest(B, "2024-06-07", T0.plusSeconds(1)),
        digest(B, "2024-06-08", T0.plusSeconds(86_400))), T0);

    assertThat(outbox.due(T0.plusSeconds(10), 10)).extracting(Delivery::describe)
        .containsExactly("slack:T1:CA digest 2024-06-06", "discord:G1:CB digest 2024-06-07");

    // GIVEN A's older post fails and waits for a retry
    long a6 = outbox.due(T0.plusSeconds(10), 10).get(0).id();
    outbox.claim(a6, T0.plusSeconds(10));
    // WHILE it is attempting, A's next day is held back
    assertThat(outbox.due(T0.plusSeconds(10), 10)).extracting(Delivery::describe)
        .containsExactly("discord:G1:CB digest 2024-06-07");
    outbox.markRetry(a6, T0.plusSeconds(70), "HTTP 503", true);
    // THEN neither of A's posts is due before the retry time
    assertThat(outbox.due(T0.plusSeconds(60), 10)).extracting(Delivery::describe)
        .containsExactly("discord:G1:CB digest 2024-06-07");
    assertThat(outbox.nextAttemptAt()).contains(T0.plusSeconds(1));
    assertThat(outbox.due(T0.plusSeconds(70), 10)).extracting(Delivery::describe)
        .containsExactly("slack:T1:CA digest 2024-06-06", "discord:G1:CB digest 2024-06-07");
  }

  @Test
  @DisplayName("instants compare as time even with milliseconds (fixed-width text)")
  void fixedWidthInstants() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0.plusMillis(500))), T0);

    assertThat(outbox.due(T0.plusMillis(400), 10)).isEmpty();
    assertThat(outbox.due(T0.plusMillis(500), 10)).hasSize(1);
    assertThat(outbox.due(T0.plusSeconds(1), 10)).hasSize(1);
  }

  @Test
  @DisplayName("claim → attempting with one more attempt; only one claim wins")
  void claim() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    long id = outbox.all().get(0).id();

    Optional<Delivery> before = outbox.claim(id, T0.plusSeconds(5));

    assertThat(before).hasValueSatisfying(d -> {
      assertThat(d.status()).isEqualTo(Status.PENDING);
      assertThat(d.mayHavePosted()).isFalse();
    });
    Delivery now = outbox.find(id).orElseThrow();
    assertThat(now.status()).isEqualTo(Status.ATTEMPTING);
    assertThat(now.attempts()).isEqualTo(1);
    assertThat(now.startedAt()).contains(T0.plusSeconds(5));
    assertThat(outbox.claim(id, T0.plusSeconds(6))).isEmpty();
  }

  @Test
  @DisplayName("sent rows keep the platform's message ids; a second mark finds nothing to mark")
  void markSent() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    long id = outbox.all().get(0).id();
    outbox.claim(id, T0);

    assertThat(outbox.markSent(id, List.of("1717.01", "1717.02"), T0.plusSeconds(1))).isTrue();
    assertThat(outbox.markSent(id, List.of("other"), T0.plusSeconds(2))).isFalse();

    Delivery d = outbox.find(new OutboxKey(A, Kind.DIGEST, "2024-06-07")).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.SENT);
    assertThat(d.messageIds()).containsExactly("1717.01", "1717.02");
    assertThat(d.finishedAt()).contains(T0.plusSeconds(1));
  }

  @Test
  @DisplayName("a row left attempting by a crash is pending again at start-up, known to maybe have posted")
  void recoverInterrupted() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(B, "2024-06-07", T0)), T0);
    long a = outbox.all().get(0).id();
    outbox.claim(a, T0);

    List<Delivery> recovered = outbox.recoverInterrupted(T0.plusSeconds(300));

    assertThat(recovered).extracting(Delivery::id).containsExactly(a);
    Delivery d = outbox.find(a).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.PENDING);
    assertThat(d.mayHavePosted()).isTrue();
    assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(d.lastError().orElseThrow()).contains("outcome unknown");
  }

  @Test
  @DisplayName("retries count transient failures only; rate limits wait without using up attempts")
  void retries() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    long id = outbox.all().get(0).id();

    outbox.claim(id, T0);
    outbox.markRetry(id, T0.plusSeconds(2), "HTTP 429, retry after 2s", false);
    outbox.claim(id, T0.plusSeconds(2));
    outbox.markRetry(id, T0.plusSeconds(6), "HTTP 503", true);

    Delivery d = outbox.find(id).orElseThrow();
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.failures()).isEqualTo(1);
    assertThat(d.lastError()).contains("HTTP 503");
    assertThat(d.status()).isEqualTo(Status.PENDING);

    outbox.claim(id, T0.plusSeconds(6));
    assertThat(outbox.markFailed(id, "gave up after 3 attempts: HTTP 503", T0.plusSeconds(7))).isTrue();
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(Status.FAILED);
  }

  @Test
  @DisplayName("a channel that is gone fails its row and pauses its subscription in the same transaction")
  void failAndPause() {
    subscriptions.save(sub(A), T0);
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(A, "2024-06-08", T0.plusSeconds(86_400))), T0);
    long first = outbox.all().get(0).id();
    outbox.claim(first, T0);

    outbox.markFailedAndPause(first, "Slack: channel_not_found", T0.plusSeconds(1));

    assertThat(outbox.all()).extracting(Delivery::status).containsExactly(Status.FAILED, Status.SKIPPED);
    assertThat(subscriptions.find(A).orElseThrow().pauseReason()).contains("Slack: channel_not_found");
  }

  @Test
  @DisplayName("keys and latest rows per channel stay inside one workspace")
  void keysAndLatest() {
    ChannelRef a2 = ChannelRef.of(Platform.SLACK, "T2", "CA");
    outbox.enqueue(List.of(digest(A, "2024-06-06", T0.minusSeconds(86_400)), digest(A, "2024-06-07", T0),
        digest(a2, "2024-06-07", T0)), T0);

    assertThat(outbox.keys(Set.of(Kind.DIGEST), "2024-06-07"))
        .containsExactlyInAnyOrder(new OutboxKey(A, Kind.DIGEST, "2024-06-07"), new OutboxKey(a2, Kind.DIGEST, "2024-06-07"));
    assertThat(outbox.keys(Set.of(Kind.NO_DIGEST), "2024-06-01")).isEmpty();
    assertThat(outbox.latestPerChannel(Platform.SLACK, "T1")).containsOnlyKeys(A)
        .hasEntrySatisfying(A, d -> assertThat(d.key()).isEqualTo("2024-06-07"));
    assertThat(outbox.forChannel(A, 10)).extracting(Delivery::key).containsExactly("2024-06-07", "2024-06-06");
    assertThat(outbox.counts()).containsEntry(Status.PENDING, 3).containsEntry(Status.SENT, 0);
  }

  @Test
  @DisplayName("due and nextAttemptAt can keep to the platforms a worker posts to")
  void platformFilter() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(B, "2024-06-07", T0.plusSeconds(5))), T0);

    assertThat(outbox.due(T0.plusSeconds(10), Set.of(Platform.DISCORD), 10)).extracting(Delivery::channel)
        .containsExactly(B);
    assertThat(outbox.due(T0.plusSeconds(10), Set.of(), 10)).isEmpty();
    assertThat(outbox.nextAttemptAt(Set.of(Platform.DISCORD))).contains(T0.plusSeconds(5));
    assertThat(outbox.nextAttemptAt(Set.of(Platform.CONSOLE))).isEmpty();
  }
}
