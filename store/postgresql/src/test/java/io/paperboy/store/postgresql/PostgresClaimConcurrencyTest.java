package io.paperboy.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Claim;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the SQLite backend cannot have: two instances (two pools, so two sets of connections)
 * on one database, claiming from the same outbox at the same moment.
 */
@DisplayName("PostgreSQL outbox shared by two instances: no row claimed twice, per-channel order, recovery once")
class PostgresClaimConcurrencyTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();
  @RegisterExtension
  static final FreshSchemas schemas = new FreshSchemas(pg);

  private static final Instant T0 = Instant.parse("2024-06-07T00:00:00Z");

  private PostgresStores a;
  private PostgresStores b;
  private ExecutorService pool;

  @BeforeEach
  void twoInstances() {
    PostgresSettings settings = schemas.freshSettings();
    a = PostgresStores.open(settings);
    b = PostgresStores.open(settings);
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    a.close();
    b.close();
  }

  private static PlannedDelivery row(ChannelRef channel, int day) {
    Subscription s = Subscription.of(channel, LocalTime.of(9, 0), ZoneId.of("UTC"), DaySet.DAILY, T0.minusSeconds(86_400));
    String key = LocalDate.of(2024, 6, 1).plusDays(day).toString();
    return PlannedDelivery.of(s, Kind.DIGEST, key, T0.plusSeconds(day), Optional.empty());
  }

  @Test
  @DisplayName("two instances claiming the same row at the same instant: exactly one wins, every time")
  void sameRowAtOnce() throws Exception {
    List<PlannedDelivery> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(row(ChannelRef.of(Platform.SLACK, "T1", "C" + i), 0));
    }
    a.outbox().enqueue(rows, T0);
    for (Delivery d : a.reports().all()) {
      CountDownLatch start = new CountDownLatch(1);
      Future<Optional<Claim>> fromA = pool.submit(() -> {
        start.await(30, TimeUnit.SECONDS);
        return a.outbox().claim(d.id(), T0, new Lease("instance-a", T0.plusSeconds(600)));
      });
      Future<Optional<Claim>> fromB = pool.submit(() -> {
        start.await(30, TimeUnit.SECONDS);
        return b.outbox().claim(d.id(), T0, new Lease("instance-b", T0.plusSeconds(600)));
      });
      start.countDown();
      int won = (fromA.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0) + (fromB.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0);
      assertThat(won).as("winners of row %d", d.id()).isEqualTo(1);
    }
    assertThat(a.reports().all()).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(Status.ATTEMPTING);
      assertThat(d.attempts()).isEqualTo(1);
    });
  }

  @Test
  @DisplayName("eight workers on two instances drain 300 rows of 30 channels: each row once, each channel in order")
  void drainTogether() throws Exception {
    List<PlannedDelivery> rows = new ArrayList<>();
    for (int day = 0; day < 10; day++) {
      for (int c = 0; c < 30; c++) {
        rows.add(row(ChannelRef.of(Platform.DISCORD, "G1", "C" + c), day));
      }
    }
    a.outbox().enqueue(rows, T0);
    Instant now = T0.plusSeconds(3_600);
    AtomicLong sequence = new AtomicLong();
    ConcurrentLinkedQueue<String> claimedKeys = new ConcurrentLinkedQueue<>();
    Map<String, List<long[]>> perChannel = new ConcurrentHashMap<>();
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      PostgresStores instance = w % 2 == 0 ? a : b;
      String holder = "worker-" + w;
      workers.add(pool.submit(() -> {
        int sent = 0;
        while (true) {
          List<Delivery> due = instance.outbox().due(now, 20);
          if (due.isEmpty() && instance.reports().counts().get(Status.PENDING) == 0) {
            return sent;
          }
          for (Delivery d : due) {
            Optional<Claim> claim = instance.outbox().claim(d.id(), now, new Lease(holder, now.plusSeconds(600)));
            if (claim.isPresent()) {
              long seq = sequence.incrementAndGet();
              claimedKeys.add(d.describe());
              perChannel.computeIfAbsent(d.channel().key(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                  .add(new long[] {seq, LocalDate.parse(d.key()).toEpochDay()});
              assertThat(instance.outbox().markSent(claim.get(), List.of("m" + d.id()), now)).isTrue();
              sent++;
            }
          }
        }
      }));
    }
    int sent = 0;
    for (Future<Integer> f : workers) {
      sent += f.get(120, TimeUnit.SECONDS);
    }
    assertThat(sent).isEqualTo(300);
    assertThat(claimedKeys).hasSize(300).doesNotHaveDuplicates();
    assertThat(a.reports().counts()).containsEntry(Status.SENT, 300).containsEntry(Status.ATTEMPTING, 0);
    assertThat(perChannel).hasSize(30);
    perChannel.forEach((channel, claims) -> {
      List<long[]> bySequence = new ArrayList<>(claims);
      bySequence.sort(java.util.Comparator.comparingLong(x -> x[0]));
      List<Long> days = bySequence.stream().map(x -> x[1]).toList();
      assertThat(days).as("days of %s in claim order", channel).isSorted().doesNotHaveDuplicates().hasSize(10);
    });
  }

  @Test
  @DisplayName("two instances recovering expired leases at once take back each row once, and never a live lease")
  void recoverTogether() throws Exception {
    List<PlannedDelivery> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(row(ChannelRef.of(Platform.SLACK, "T1", "C" + i), 0));
    }
    a.outbox().enqueue(rows, T0);
    List<Delivery> all = a.reports().all();
    for (int i = 0; i < all.size(); i++) {
      // even rows: a lease that ended; odd rows: one still running
      Instant until = i % 2 == 0 ? T0.plusSeconds(60) : T0.plusSeconds(7_200);
      assertThat(a.outbox().claim(all.get(i).id(), T0, new Lease("dead-" + i, until))).isPresent();
    }
    Instant later = T0.plusSeconds(600);
    CountDownLatch start = new CountDownLatch(1);
    Future<List<Delivery>> byA = pool.submit(() -> {
      start.await(30, TimeUnit.SECONDS);
      return a.outbox().recoverExpired(later);
    });
    Future<List<Delivery>> byB = pool.submit(() -> {
      start.await(30, TimeUnit.SECONDS);
      return b.outbox().recoverExpired(later);
    });
    start.countDown();
    List<Long> recovered = new ArrayList<>();
    byA.get(60, TimeUnit.SECONDS).forEach(d -> recovered.add(d.id()));
    byB.get(60, TimeUnit.SECONDS).forEach(d -> recovered.add(d.id()));

    assertThat(recovered).hasSize(30).doesNotHaveDuplicates();
    assertThat(a.reports().counts()).containsEntry(Status.PENDING, 30).containsEntry(Status.ATTEMPTING, 30);
    assertThat(a.reports().all()).filteredOn(d -> d.status() == Status.ATTEMPTING)
        .allSatisfy(d -> assertThat(d.lease().orElseThrow().until()).isAfter(later));
  }
}
