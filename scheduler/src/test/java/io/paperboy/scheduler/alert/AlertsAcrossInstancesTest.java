package io.paperboy.scheduler.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances on one PostgreSQL database ingest the same new day at the same instant (both
 * polled the source, or an operator's `ingest` met the poll): each ingest succeeds, and the
 * alert for each new paper is planned once — by whichever instance stored the paper first.
 */
@DisplayName("Alerts across instances: the same new day ingested by two instances at once alerts once")
class AlertsAcrossInstancesTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  static final ZoneId ZONE = ZoneOffset.UTC;
  static final ChannelRef TARGET = ChannelRef.of(Platform.SLACK, "T1", "C1");

  private static Digest day(LocalDate date, int round) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= 5; rank++) {
      String id = String.format("2406.%02d%03d", round, rank);
      entries.add(new DigestEntry(date, rank, id, "Diffusion paper " + round + "-" + rank, "https://arxiv.org/abs/" + id,
          Optional.of(10 - rank), List.of("Ada Lovelace"), Optional.empty(), "- 확산모델 " + rank));
    }
    return new Digest(date, entries, "test:" + date + "#" + round);
  }

  @Test
  void sameDayIngestedByTwoInstancesAtOnceAlertsOnce() throws Exception {
    Instant now = Instant.parse("2024-06-20T00:30:00Z");
    Clock clock = Clock.fixed(now, ZONE);
    int rounds = 6;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (PostgresStores a = PostgresStores.open(pg.paperboyUrl()); PostgresStores b = PostgresStores.open(pg.paperboyUrl())) {
      a.alerts().add(Platform.SLACK, "T1", TARGET, "U1", "확산", Optional.empty(), now);
      List<PostgresStores> instances = List.of(a, b);
      for (int round = 0; round < rounds; round++) {
        // one recent day per round, each with five papers no instance has seen
        Digest digest = day(LocalDate.of(2024, 6, 20).minusDays(round % 2), round);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Integer>> planned = new ArrayList<>();
        for (PostgresStores s : instances) {
          AlertPlanner planner = new AlertPlanner(s.transactions(), s.papers(), s.alerts(), s.outbox(), clock, ZONE,
              Duration.ofDays(3));
          planned.add(pool.submit(() -> {
            together.await();
            IngestResult result = s.papers().save(digest);
            return planner.plan(List.of(result));
          }));
        }
        int batches = 0;
        for (Future<Integer> f : planned) {
          batches += f.get(); // an ingest that failed (a unique key tripped midway) fails the test here
        }
        assertThat(batches).as("round %d: alert batches planned by the two instances together", round).isEqualTo(1);
      }
      long alertRows = a.reports().all().stream().filter(d -> d.kind() == Delivery.Kind.ALERT).count();
      assertThat(alertRows).isEqualTo(rounds);
    } finally {
      pool.shutdownNow();
    }
  }
}
