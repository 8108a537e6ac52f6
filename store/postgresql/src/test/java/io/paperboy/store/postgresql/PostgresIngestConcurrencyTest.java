package io.paperboy.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances polling the same source ingest the same new day at the same moment: a paper is
 * new to exactly one of them, so its alerts are planned once, whichever instance ingested it.
 */
@DisplayName("PostgreSQL ingest from two instances at once: each new paper is new to exactly one of them")
class PostgresIngestConcurrencyTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();
  @RegisterExtension
  static final FreshSchemas schemas = new FreshSchemas(pg);

  private static Digest day(LocalDate date, int papers) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int i = 1; i <= papers; i++) {
      entries.add(new DigestEntry(date, i, "c." + date + "." + i, "Paper " + i + " 확산모델", "https://arxiv.org/abs/c." + i,
          Optional.of(i), List.of("Kim Minsu"), Optional.empty(), "- 요약 " + i));
    }
    return new Digest(date, entries, "test");
  }

  @Test
  @DisplayName("ten rounds of the same day saved by two instances at once: every paper new once, the day stored once")
  void newOnce() throws Exception {
    PostgresSettings settings = schemas.freshSettings();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (PostgresStores a = PostgresStores.open(settings); PostgresStores b = PostgresStores.open(settings)) {
      for (int round = 0; round < 10; round++) {
        Digest digest = day(LocalDate.of(2024, 6, 1).plusDays(round), 30);
        CountDownLatch start = new CountDownLatch(1);
        Future<IngestResult> byA = pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return a.papers().save(digest);
        });
        Future<IngestResult> byB = pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return b.papers().save(digest);
        });
        start.countDown();
        List<String> fresh = new ArrayList<>(byA.get(60, TimeUnit.SECONDS).newPapers());
        fresh.addAll(byB.get(60, TimeUnit.SECONDS).newPapers());
        assertThat(fresh).as("round %d", round).hasSize(30).doesNotHaveDuplicates();
        assertThat(a.papers().digest(digest.date())).hasSize(30);
      }
      assertThat(a.papers().digestDates()).hasSize(10);
    } finally {
      pool.shutdownNow();
    }
  }
}
