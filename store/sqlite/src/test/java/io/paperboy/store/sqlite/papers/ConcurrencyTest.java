package io.paperboy.store.sqlite.papers;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Paper;
import io.paperboy.store.SyntheticDigests;
import io.paperboy.store.query.SearchInput;
import io.paperboy.store.sqlite.db.Database;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Concurrency: readers alongside one writer on a real file")
class ConcurrencyTest {

  private static final int DAYS = 16;
  private static final int PER_DAY = 30;
  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

  @TempDir
  Path dir;

  @Test
  @DisplayName("readers see whole days (never half a save) and never SQLITE_BUSY while writers save and re-save")
  void readersDuringWrites() throws Exception {
    List<Digest> days = SyntheticDigests.days(FIRST, DAYS, PER_DAY, 11);
    try (Database db = Database.open(dir.resolve("paperboy.db"))) {
      SqlitePaperStore store = new SqlitePaperStore(db);
      ExecutorService pool = Executors.newFixedThreadPool(6);
      AtomicBoolean writing = new AtomicBoolean(true);
      try {
        // two writer threads: one saves the days in order, the other re-saves them shuffled in rank
        Future<Integer> writerA = pool.submit(() -> {
          for (Digest d : days) {
            store.save(d);
          }
          return days.size();
        });
        Future<Integer> writerB = pool.submit(() -> {
          int n = 0;
          for (int i = 0; i < days.size(); i += 4) {
            store.save(reversedRanks(days.get(i)));
            n++;
          }
          return n;
        });
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
          int seed = r;
          readers.add(pool.submit(reader(store, days, writing, seed)));
        }

        assertThat(writerA.get(120, TimeUnit.SECONDS)).isEqualTo(DAYS);
        assertThat(writerB.get(120, TimeUnit.SECONDS)).isEqualTo(DAYS / 4);
        writing.set(false);
        int reads = 0;
        for (Future<Integer> reader : readers) {
          reads += reader.get(120, TimeUnit.SECONDS); // rethrows any failure, SQLITE_BUSY included
        }
        assertThat(reads).isPositive();
      } finally {
        writing.set(false);
        pool.shutdownNow();
      }

      // afterwards: every day complete, each paper listed once per day
      assertThat(store.digestDates()).hasSize(DAYS);
      for (Digest d : days) {
        assertThat(store.digest(d.date())).hasSize(PER_DAY);
      }
      assertThat(store.search(SearchInput.plainWords("모델").orElseThrow(), 5)).isNotEmpty();
    }
  }

  private static Callable<Integer> reader(SqlitePaperStore store, List<Digest> days, AtomicBoolean writing, int seed) {
    return () -> {
      int reads = 0;
      int i = seed;
      // bounded: stops when the writers are done, or after 20,000 reads at most
      while (writing.get() && reads < 20_000) {
        Digest d = days.get(i % days.size());
        List<DigestEntry> listed = store.digest(d.date());
        assertThat(listed.size()).isIn(0, PER_DAY);
        if (!listed.isEmpty()) {
          // one snapshot: ranks 1..30 once each, whichever version of the day it is
          assertThat(listed).extracting(DigestEntry::rank).doesNotHaveDuplicates().hasSize(PER_DAY);
          Optional<Paper> paper = store.paper(listed.get(0).arxivId());
          assertThat(paper).isPresent();
        }
        if (i % 5 == 0) {
          store.search(SearchInput.plainWords(i % 2 == 0 ? "모델" : "LLM").orElseThrow(), 10);
        }
        if (i % 7 == 0) {
          store.top(FIRST, FIRST.plusDays(DAYS), 10);
        }
        i += 3;
        reads++;
      }
      return reads;
    };
  }

  private static Digest reversedRanks(Digest d) {
    List<DigestEntry> out = new ArrayList<>();
    int n = d.entries().size();
    for (DigestEntry e : d.entries()) {
      out.add(new DigestEntry(e.date(), n + 1 - e.rank(), e.arxivId(), e.title() + " (re-saved)", e.url(), e.votes(),
          e.authors(), e.media(), e.summary()));
    }
    return new Digest(d.date(), out, d.source());
  }
}
