package io.paperboy.store.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import io.paperboy.store.StoresContract;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link OutboxStore}: one row per (channel, kind, key), due rows in per-channel
 * order, claims under a lease that only one claimer wins, marks fenced by their claim, and
 * recovery of interrupted attempts (all of them at start-up, or only those whose lease passed).
 */
@DisplayName("OutboxStore contract: one row per (channel, kind, key), claims under leases, each step its own transaction")
public abstract class OutboxContract extends StoresContract {

  protected static final Instant T0 = Instant.parse("2024-06-07T00:00:00Z");
  protected static final ChannelRef A = ChannelRef.of(Platform.SLACK, "T1", "CA");
  protected static final ChannelRef B = ChannelRef.of(Platform.DISCORD, "G1", "CB");

  protected Stores stores;
  protected OutboxStore outbox;
  protected DeliveryReports reports;
  protected SubscriptionStore subscriptions;

  @BeforeEach
  final void openOutbox() {
    stores = fresh();
    outbox = stores.outbox();
    reports = stores.reports();
    subscriptions = stores.subscriptions();
  }

  protected static Subscription sub(ChannelRef channel) {
    return Subscription.of(channel, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, T0.minusSeconds(86_400));
  }

  protected static PlannedDelivery digest(ChannelRef channel, String date, Instant due) {
    return PlannedDelivery.of(sub(channel), Kind.DIGEST, date, due, Optional.empty());
  }

  /** A ten-minute lease of this test's one instance, taken at {@code now}. */
  protected static Lease lease(Instant now) {
    return lease("instance-a", now);
  }

  protected static Lease lease(String holder, Instant now) {
    return new Lease(holder, now.plusSeconds(600));
  }

  private long onlyId() {
    return reports.all().get(0).id();
  }

  private Claim claim(long id, Instant now) {
    return outbox.claim(id, now, lease(now)).orElseThrow(() -> new AssertionError("row " + id + " not claimable"));
  }

  @Test
  @DisplayName("enqueueing the same rows again adds nothing and answers what was new")
  void enqueueIsIdempotent() {
    List<PlannedDelivery> rows = List.of(digest(A, "2024-06-07", T0), digest(B, "2024-06-07", T0));

    assertThat(outbox.enqueue(rows, T0)).containsExactlyElementsOf(rows);
    assertThat(outbox.enqueue(rows, T0.plusSeconds(60))).isEmpty();
    assertThat(outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(A, "2024-06-08", T0)), T0))
        .extracting(PlannedDelivery::key).containsExactly("2024-06-08");
    assertThat(reports.all()).hasSize(3);
    assertThat(outbox.enqueue(List.of(), T0)).isEmpty();
  }

  @Test
  @DisplayName("two planners enqueueing the same posts at once still leave one row per post")
  void concurrentEnqueue() throws Exception {
    List<PlannedDelivery> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(digest(ChannelRef.of(Platform.SLACK, "T1", "C" + i), "2024-06-07", T0));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<List<PlannedDelivery>>> jobs = List.of(() -> outbox.enqueue(rows, T0), () -> outbox.enqueue(rows, T0));
      int added = 0;
      for (Future<List<PlannedDelivery>> f : pool.invokeAll(jobs)) {
        added += f.get().size();
      }
      assertThat(added).isEqualTo(200);
    } finally {
      pool.shutdown();
    }
    assertThat(reports.all()).hasSize(200);
  }

  @Test
  @DisplayName("a planned skip is recorded as skipped with its reason and never comes due")
  void plannedSkip() {
    PlannedDelivery late = PlannedDelivery.of(sub(A), Kind.DIGEST, "2024-06-01", T0.minusSeconds(6 * 86_400),
        Optional.of("missed by 6 days, beyond the 24h catch-up window"));

    outbox.enqueue(List.of(late), T0);

    Delivery row = reports.all().get(0);
    assertThat(row.status()).isEqualTo(Status.SKIPPED);
    assertThat(row.lastError()).contains("missed by 6 days, beyond the 24h catch-up window");
    assertThat(row.finishedAt()).contains(T0);
    assertThat(outbox.due(T0, 10)).isEmpty();
    assertThat(outbox.claim(row.id(), T0, lease(T0))).isEmpty();
  }

  @Test
  @DisplayName("a new row keeps what was planned: settings, due time, nothing attempted yet")
  void enqueuedRow() {
    PlannedDelivery planned = new PlannedDelivery(new ChannelRef(Platform.DISCORD, "G1", "C1", Optional.of("TH")),
        Kind.NO_DIGEST, "2024-06-07", 5, Optional.of(12), Subscription.Style.THREADS, T0.plusMillis(250),
        Optional.empty());

    outbox.enqueue(List.of(planned), T0);

    Delivery d = reports.all().get(0);
    assertThat(d.outboxKey()).isEqualTo(planned.outboxKey());
    assertThat(d).extracting(Delivery::top, Delivery::minVotes, Delivery::style, Delivery::dueAt, Delivery::status,
        Delivery::attempts, Delivery::failures, Delivery::nextAttemptAt, Delivery::createdAt)
        .containsExactly(5, Optional.of(12), Subscription.Style.THREADS, T0.plusMillis(250), Status.PENDING, 0, 0,
            T0.plusMillis(250), T0);
    assertThat(d.startedAt()).isEmpty();
    assertThat(d.lease()).isEmpty();
    assertThat(d.finishedAt()).isEmpty();
    assertThat(d.messageIds()).isEmpty();
    assertThat(d.lastError()).isEmpty();
    assertThat(d.mayHavePosted()).isFalse();
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
    Claim attempt = claim(a6, T0.plusSeconds(10));
    // WHILE it is attempting, A's next day is held back
    assertThat(outbox.due(T0.plusSeconds(10), 10)).extracting(Delivery::describe)
        .containsExactly("discord:G1:CB digest 2024-06-07");
    outbox.markRetry(attempt, T0.plusSeconds(70), "HTTP 503", true);
    // THEN neither of A's posts is due before the retry time
    assertThat(outbox.due(T0.plusSeconds(60), 10)).extracting(Delivery::describe)
        .containsExactly("discord:G1:CB digest 2024-06-07");
    assertThat(outbox.nextAttemptAt()).contains(T0.plusSeconds(1));
    assertThat(outbox.due(T0.plusSeconds(70), 10)).extracting(Delivery::describe)
        .containsExactly("slack:T1:CA digest 2024-06-06", "discord:G1:CB digest 2024-06-07");
    assertThat(outbox.due(T0.plusSeconds(70), 1)).extracting(Delivery::describe)
        .containsExactly("slack:T1:CA digest 2024-06-06");
  }

  @Test
  @DisplayName("nextAttemptAt: the earliest time among the channels' head rows; empty when nothing is pending")
  void nextAttemptAt() {
    assertThat(outbox.nextAttemptAt()).isEmpty();
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(A, "2024-06-08", T0.plusSeconds(5))), T0);
    long a7 = reports.find(new OutboxKey(A, Kind.DIGEST, "2024-06-07")).orElseThrow().id();
    outbox.markRetry(claim(a7, T0), T0.plusSeconds(100), "HTTP 503", true);

    // A's 2024-06-08 row waits behind the retry of 2024-06-07, though its own time is earlier
    assertThat(outbox.nextAttemptAt()).contains(T0.plusSeconds(100));
    outbox.markSkipped(a7, "test", T0);
    assertThat(outbox.nextAttemptAt()).contains(T0.plusSeconds(5));
  }

  @Test
  @DisplayName("instants compare as time even with milliseconds")
  void millisecondInstants() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0.plusMillis(500))), T0);

    assertThat(outbox.due(T0.plusMillis(400), 10)).isEmpty();
    assertThat(outbox.due(T0.plusMillis(500), 10)).hasSize(1);
    assertThat(outbox.due(T0.plusSeconds(1), 10)).hasSize(1);
    assertThat(outbox.nextAttemptAt()).contains(T0.plusMillis(500));
  }

  @Test
  @DisplayName("claim → attempting with one more attempt, under its lease; only one claim wins")
  void claim() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    long id = onlyId();

    Optional<Claim> claim = outbox.claim(id, T0.plusSeconds(5), lease(T0.plusSeconds(5)));

    assertThat(claim).hasValueSatisfying(c -> {
      assertThat(c.id()).isEqualTo(id);
      assertThat(c.attempt()).isEqualTo(1);
      assertThat(c.lease()).isEqualTo(lease(T0.plusSeconds(5)));
      assertThat(c.before().status()).isEqualTo(Status.PENDING);
      assertThat(c.before().mayHavePosted()).isFalse();
    });
    Delivery now = reports.find(id).orElseThrow();
    assertThat(now.status()).isEqualTo(Status.ATTEMPTING);
    assertThat(now.attempts()).isEqualTo(1);
    assertThat(now.startedAt()).contains(T0.plusSeconds(5));
    assertThat(now.lease()).contains(new Lease("instance-a", T0.plusSeconds(605)));
    assertThat(outbox.claim(id, T0.plusSeconds(6), lease(T0.plusSeconds(6)))).isEmpty();
    assertThat(outbox.claim(id, T0.plusSeconds(6), lease("instance-b", T0.plusSeconds(6)))).isEmpty();
  }

  @Test
  @DisplayName("only what due() would answer can be claimed: not before its time, nor behind an older row of its channel")
  void claimOnlyDueHeads() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(A, "2024-06-08", T0.plusSeconds(86_400)),
        digest(B, "2024-06-07", T0.plusSeconds(60))), T0);
    long a7 = reports.find(new OutboxKey(A, Kind.DIGEST, "2024-06-07")).orElseThrow().id();
    long a8 = reports.find(new OutboxKey(A, Kind.DIGEST, "2024-06-08")).orElseThrow().id();
    long b7 = reports.find(new OutboxKey(B, Kind.DIGEST, "2024-06-07")).orElseThrow().id();
    Instant late = T0.plusSeconds(2 * 86_400);

    assertThat(outbox.claim(b7, T0.plusSeconds(59), lease(T0))).as("not due yet").isEmpty();
    assertThat(outbox.claim(a8, late, lease(late))).as("behind A's pending 2024-06-07").isEmpty();
    Claim first = claim(a7, late);
    assertThat(outbox.claim(a8, late, lease("instance-b", late))).as("behind A's attempting 2024-06-07").isEmpty();
    assertThat(outbox.claim(b7, T0.plusSeconds(60), lease(T0))).as("another channel").isPresent();
    assertThat(outbox.claim(987_654_321L, late, lease(late))).as("no such row").isEmpty();

    outbox.markSent(first, List.of("m1"), late);
    assertThat(outbox.claim(a8, late, lease("instance-b", late))).as("its turn now").isPresent();
  }

  @Test
  @DisplayName("of many simultaneous claims of one row exactly one wins")
  void simultaneousClaims() throws Exception {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    long id = onlyId();
    int claimers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Optional<Claim>>> claims = new ArrayList<>();
      for (int i = 0; i < claimers; i++) {
        String holder = "instance-" + i;
        claims.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return outbox.claim(id, T0, lease(holder, T0));
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<Optional<Claim>> c : claims) {
        won += c.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(reports.find(id).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  @DisplayName("sent rows keep the platform's message ids and drop the lease; a second mark finds nothing to mark")
  void markSent() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    Claim claim = claim(onlyId(), T0);

    assertThat(outbox.markSent(claim, List.of("1717.01", "1717.02"), T0.plusSeconds(1))).isTrue();
    assertThat(outbox.markSent(claim, List.of("other"), T0.plusSeconds(2))).isFalse();
    assertThat(outbox.markFailed(claim, "late", T0.plusSeconds(2))).isFalse();
    assertThat(outbox.markRetry(claim, T0.plusSeconds(9), "late", true)).isFalse();

    Delivery d = reports.find(new OutboxKey(A, Kind.DIGEST, "2024-06-07")).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.SENT);
    assertThat(d.messageIds()).containsExactly("1717.01", "1717.02");
    assertThat(d.finishedAt()).contains(T0.plusSeconds(1));
    assertThat(d.lease()).isEmpty();
    assertThat(outbox.due(T0.plusSeconds(10), 10)).isEmpty();
  }

  @Test
  @DisplayName("at start-up every attempt left by a stopped process is pending again, known to maybe have posted")
  void recoverInterrupted() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(B, "2024-06-07", T0)), T0);
    long a = reports.find(new OutboxKey(A, Kind.DIGEST, "2024-06-07")).orElseThrow().id();
    claim(a, T0);

    // the lease has not ended yet: only the owner of the database knows no attempt can still run
    List<Delivery> recovered = outbox.recoverInterrupted(T0.plusSeconds(300));

    assertThat(recovered).extracting(Delivery::id).containsExactly(a);
    assertThat(recovered.get(0).status()).isEqualTo(Status.ATTEMPTING);
    Delivery d = reports.find(a).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.PENDING);
    assertThat(d.mayHavePosted()).isTrue();
    assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(d.lastError().orElseThrow()).contains("outcome unknown");
    assertThat(d.lease()).isEmpty();
    assertThat(outbox.recoverInterrupted(T0.plusSeconds(301))).isEmpty();
    assertThat(outbox.due(T0.plusSeconds(300), 10)).extracting(Delivery::id).contains(a);
  }

  @Test
  @DisplayName("recoverExpired takes back only attempts whose lease has passed; live leases stay with their holder")
  void recoverExpired() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(B, "2024-06-07", T0)), T0);
    long a = reports.find(new OutboxKey(A, Kind.DIGEST, "2024-06-07")).orElseThrow().id();
    long b = reports.find(new OutboxKey(B, Kind.DIGEST, "2024-06-07")).orElseThrow().id();
    outbox.claim(a, T0, new Lease("instance-a", T0.plusSeconds(60)));
    outbox.claim(b, T0, new Lease("instance-b", T0.plusSeconds(600)));

    assertThat(outbox.recoverExpired(T0.plusSeconds(59))).isEmpty();
    List<Delivery> recovered = outbox.recoverExpired(T0.plusSeconds(60));

    assertThat(recovered).extracting(Delivery::id).containsExactly(a);
    assertThat(recovered.get(0).lease()).contains(new Lease("instance-a", T0.plusSeconds(60)));
    assertThat(reports.find(a).orElseThrow().status()).isEqualTo(Status.PENDING);
    assertThat(reports.find(a).orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(reports.find(b).orElseThrow().status()).isEqualTo(Status.ATTEMPTING);
    assertThat(reports.find(b).orElseThrow().lease()).contains(new Lease("instance-b", T0.plusSeconds(600)));
    assertThat(outbox.recoverExpired(T0.plusSeconds(601))).extracting(Delivery::id).containsExactly(b);
  }

  @Test
  @DisplayName("a holder whose lease was taken back cannot mark the newer attempt of another instance")
  void staleClaimIsFenced() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    long id = onlyId();
    Claim stale = outbox.claim(id, T0, new Lease("instance-a", T0.plusSeconds(60))).orElseThrow();
    outbox.recoverExpired(T0.plusSeconds(61));
    Claim fresh = outbox.claim(id, T0.plusSeconds(61), lease("instance-b", T0.plusSeconds(61))).orElseThrow();
    assertThat(fresh.attempt()).isEqualTo(2);
    assertThat(fresh.before().mayHavePosted()).isTrue();

    assertThat(outbox.markSent(stale, List.of("from-a"), T0.plusSeconds(62))).isFalse();
    assertThat(outbox.markRetry(stale, T0.plusSeconds(90), "a's 503", true)).isFalse();
    assertThat(outbox.markFailed(stale, "a gave up", T0.plusSeconds(62))).isFalse();
    assertThat(outbox.markFailedAndPause(stale, "a: channel gone", T0.plusSeconds(62))).isFalse();
    assertThat(reports.find(id).orElseThrow().status()).isEqualTo(Status.ATTEMPTING);

    assertThat(outbox.markSent(fresh, List.of("from-b"), T0.plusSeconds(63))).isTrue();
    assertThat(reports.find(id).orElseThrow().messageIds()).containsExactly("from-b");
  }

  @Test
  @DisplayName("renewLease keeps a running attempt's lease alive; once taken back or finished it renews nothing")
  void renewLease() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    long id = onlyId();
    Claim first = outbox.claim(id, T0, new Lease("instance-a", T0.plusSeconds(60))).orElseThrow();

    // a renewal past the old end keeps the row from recoverExpired at that end
    assertThat(outbox.renewLease(first, T0.plusSeconds(120))).isTrue();
    assertThat(reports.find(id).orElseThrow().lease()).contains(new Lease("instance-a", T0.plusSeconds(120)));
    assertThat(outbox.recoverExpired(T0.plusSeconds(61))).isEmpty();

    // taken back after the renewed end and claimed by another instance: the first holder's renewal fails
    assertThat(outbox.recoverExpired(T0.plusSeconds(120))).extracting(Delivery::id).containsExactly(id);
    assertThat(outbox.renewLease(first, T0.plusSeconds(180))).as("taken back, still pending").isFalse();
    Claim second = outbox.claim(id, T0.plusSeconds(121), lease("instance-b", T0.plusSeconds(121))).orElseThrow();
    assertThat(outbox.renewLease(first, T0.plusSeconds(180))).as("claimed again by another").isFalse();
    assertThat(reports.find(id).orElseThrow().lease()).contains(lease("instance-b", T0.plusSeconds(121)));

    // the new holder renews its own; after it finishes, nothing is renewed
    assertThat(outbox.renewLease(second, T0.plusSeconds(900))).isTrue();
    assertThat(outbox.markSent(second, List.of("m1"), T0.plusSeconds(130))).isTrue();
    assertThat(outbox.renewLease(second, T0.plusSeconds(999))).isFalse();
    assertThat(reports.find(id).orElseThrow().lease()).isEmpty();
  }

  @Test
  @DisplayName("retries count transient failures only; rate limits wait without using up attempts")
  void retries() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0)), T0);
    long id = onlyId();

    assertThat(outbox.markRetry(claim(id, T0), T0.plusSeconds(2), "HTTP 429, retry after 2s", false)).isTrue();
    assertThat(outbox.claim(id, T0.plusSeconds(1), lease(T0.plusSeconds(1)))).as("before the retry time").isEmpty();
    assertThat(outbox.markRetry(claim(id, T0.plusSeconds(2)), T0.plusSeconds(6), "HTTP 503", true)).isTrue();

    Delivery d = reports.find(id).orElseThrow();
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.failures()).isEqualTo(1);
    assertThat(d.lastError()).contains("HTTP 503");
    assertThat(d.status()).isEqualTo(Status.PENDING);
    assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(6));
    assertThat(d.lease()).isEmpty();

    Claim third = claim(id, T0.plusSeconds(6));
    assertThat(third.before().failures()).isEqualTo(1);
    assertThat(outbox.markFailed(third, "gave up after 3 attempts: HTTP 503", T0.plusSeconds(7))).isTrue();
    Delivery failed = reports.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.lastError()).contains("gave up after 3 attempts: HTTP 503");
    assertThat(failed.finishedAt()).contains(T0.plusSeconds(7));
  }

  @Test
  @DisplayName("a channel that is gone fails its row and pauses its subscription in the same transaction")
  void failAndPause() {
    subscriptions.save(sub(A), T0);
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(A, "2024-06-08", T0.plusSeconds(86_400))), T0);
    Claim first = claim(reports.all().get(0).id(), T0);

    assertThat(outbox.markFailedAndPause(first, "Slack: channel_not_found", T0.plusSeconds(1))).isTrue();

    assertThat(reports.all()).extracting(Delivery::status).containsExactly(Status.FAILED, Status.SKIPPED);
    assertThat(reports.all().get(0).lastError()).contains("Slack: channel_not_found");
    assertThat(subscriptions.find(A).orElseThrow().pauseReason()).contains("Slack: channel_not_found");
  }

  @Test
  @DisplayName("skipping: a pending or attempting row, never a finished one")
  void markSkipped() {
    outbox.enqueue(List.of(digest(A, "2024-06-07", T0), digest(B, "2024-06-07", T0)), T0);
    long a = reports.find(new OutboxKey(A, Kind.DIGEST, "2024-06-07")).orElseThrow().id();
    long b = reports.find(new OutboxKey(B, Kind.DIGEST, "2024-06-07")).orElseThrow().id();
    claim(b, T0);

    assertThat(outbox.markSkipped(a, "too late", T0.plusSeconds(1))).isTrue();
    assertThat(outbox.markSkipped(b, "nothing to post", T0.plusSeconds(1))).isTrue();
    assertThat(outbox.markSkipped(a, "again", T0.plusSeconds(2))).isFalse();

    assertThat(reports.find(a).orElseThrow()).extracting(Delivery::status, Delivery::lastError, Delivery::finishedAt)
        .containsExactly(Status.SKIPPED, Optional.of("too late"), Optional.of(T0.plusSeconds(1)));
    assertThat(reports.find(b).orElseThrow().lease()).isEmpty();
    assertThat(outbox.recoverInterrupted(T0.plusSeconds(3))).isEmpty();
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
    assertThat(outbox.nextAttemptAt(Set.of())).isEmpty();
  }
}
