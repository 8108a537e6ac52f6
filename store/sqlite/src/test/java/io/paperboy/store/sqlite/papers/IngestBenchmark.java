package io.paperboy.store.sqlite.papers;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.SyntheticDigests;
import io.paperboy.store.query.SearchInput;
import io.paperboy.store.sqlite.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest speed with and without the search index, printed rather than asserted (timings on two
 * shared cores are too noisy to assert). Run with
 * {@code mvn -o -pl store/sqlite -am verify -Dgroups=benchmark -Dbench.excludedGroups= -Dtest=IngestBenchmark
 * -Dpaperboy.bench.days=3334} (3,334 days × 30 = 100k rows).
 */
@Tag("benchmark")
@DisplayName("Benchmark: ingest and search speed on synthetic days")
class IngestBenchmark {

  private static final int PER_DAY = 30;
  private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);

  @TempDir
  Path dir;

  @Test
  @DisplayName("plain JDBC batch vs saveAll (+ index catch-up) vs save per day; steady-state day; search")
  void ingest() {
    int days = Integer.getInteger("paperboy.bench.days", 1000);
    int rounds = Integer.getInteger("paperboy.bench.rounds", 3);
    List<Digest> digests = SyntheticDigests.days(FIRST, days, PER_DAY, 42);
    int rows = days * PER_DAY;
    System.out.printf("%n%d days x %d papers = %d rows, summaries ~2 KB; %d alternating rounds%n", days, PER_DAY, rows,
        rounds);

    // Plain and saveAll take turns chunk by chunk (who goes first alternates), so load spikes
    // from other processes on the machine hit both about equally.
    int chunkDays = SqlitePaperStore.SAVE_ALL_CHUNK_ENTRIES / PER_DAY;
    for (int round = 1; round <= rounds; round++) {
      try (Database plainDb = Database.open(dir.resolve("plain" + round + ".db"));
          Database storeDb = Database.open(dir.resolve("saveall" + round + ".db"))) {
        SqlitePaperStore store = new SqlitePaperStore(storeDb);
        long plainNanos = 0;
        long saveAllNanos = 0;
        for (int from = 0, n = 0; from < digests.size(); from += chunkDays, n++) {
          List<Digest> chunk = digests.subList(from, Math.min(digests.size(), from + chunkDays));
          for (int step = 0; step < 2; step++) {
            long t = System.nanoTime();
            if ((step + n) % 2 == 0) {
              plainDb.write(c -> plainBatchInsert(c, chunk));
              plainNanos += System.nanoTime() - t;
            } else {
              store.saveAll(chunk);
              saveAllNanos += System.nanoTime() - t;
            }
          }
        }
        long t = System.nanoTime();
        int indexed = store.refreshSearchIndex();
        long indexNanos = System.nanoTime() - t;
        System.out.printf("round %d%n", round);
        double plain = report("  plain JDBC batch insert, same schema, no index", rows, plainNanos);
        double saveAll = report("  saveAll (search index deferred)", rows, saveAllNanos);
        report("  refreshSearchIndex (" + indexed + " papers)", rows, indexNanos);
        double both = report("  saveAll + refreshSearchIndex", rows, saveAllNanos + indexNanos);
        System.out.printf("  saveAll / plain = %.2f; (saveAll + index) / plain = %.2f%n", saveAll / plain, both / plain);
        if (round == rounds) {
          steadyState(store, days);
          searches(store);
        }
      }
    }

    int perDayDays = Math.min(days, 300);
    try (Database db = Database.open(dir.resolve("save.db"))) {
      SqlitePaperStore store = new SqlitePaperStore(db);
      long t = System.nanoTime();
      for (Digest d : digests.subList(0, perDayDays)) {
        store.save(d);
      }
      report("save() per day, index in the same transaction (" + perDayDays + " days)", perDayDays * PER_DAY,
          System.nanoTime() - t);
    }
  }

  private static void steadyState(SqlitePaperStore store, int days) {
    Random random = new Random(7);
    long[] micros = new long[40];
    for (int i = 0; i < micros.length; i++) {
      Digest d = SyntheticDigests.day(FIRST.plusDays(days + i), days + i, PER_DAY, random);
      long t = System.nanoTime();
      store.save(d);
      micros[i] = (System.nanoTime() - t) / 1_000;
    }
    Arrays.sort(micros);
    System.out.printf("one %d-paper day saved onto %d rows (index included): p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
        PER_DAY, days * PER_DAY, micros[micros.length / 2] / 1000.0, micros[micros.length * 9 / 10] / 1000.0,
        micros[micros.length - 1] / 1000.0);
  }

  private static void searches(SqlitePaperStore store) {
    for (String q : List.of("모델", "확산모델", "LLM", "transformer 추론", "Kyunghyun Cho", "없는단어")) {
      store.search(SearchInput.plainWords(q).orElseThrow(), 20); // warm-up
      long[] micros = new long[20];
      int hits = 0;
      for (int i = 0; i < micros.length; i++) {
        long t = System.nanoTime();
        hits = store.search(SearchInput.plainWords(q).orElseThrow(), 20).size();
        micros[i] = (System.nanoTime() - t) / 1_000;
      }
      Arrays.sort(micros);
      System.out.printf("search %-18s %2d hits: p50 %.2f ms, max %.2f ms%n", "\"" + q + "\"", hits,
          micros[micros.length / 2] / 1000.0, micros[micros.length - 1] / 1000.0);
    }
  }

  private static double report(String what, int rows, long nanos) {
    double perSecond = rows / (nanos / 1e9);
    System.out.printf("%-60s %8.0f rows/s (%.2f s)%n", what, perSecond, nanos / 1e9);
    return perSecond;
  }

  /** The floor: the same rows into the same tables with batched plain INSERTs, nothing else. */
  private static Void plainBatchInsert(Connection c, List<Digest> chunk) throws SQLException {
    try (PreparedStatement digest = c.prepareStatement("INSERT INTO digest (date, source, ingested_at) VALUES (?, ?, ?)");
        PreparedStatement paper = c.prepareStatement("""
            INSERT INTO paper (arxiv_id, title, url, votes, authors, media, summary, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedStatement entry = c.prepareStatement("INSERT INTO digest_entry (" + Rows.ENTRY_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Digest d : chunk) {
        String date = d.date().toString();
        digest.setString(1, date);
        digest.setString(2, d.source());
        digest.setString(3, "2024-01-01T00:00:00Z");
        digest.addBatch();
        List<String> authorsJson = new ArrayList<>();
        for (DigestEntry e : d.entries()) {
          String authors = Rows.authorsJson(e.authors());
          authorsJson.add(authors);
          paper.setString(1, e.arxivId());
          paper.setString(2, e.title());
          paper.setString(3, e.url());
          Rows.setOptionalInt(paper, 4, e.votes());
          paper.setString(5, authors);
          Rows.setOptionalString(paper, 6, e.media());
          paper.setString(7, e.summary());
          paper.setString(8, date);
          paper.setString(9, date);
          paper.addBatch();
        }
        digest.executeBatch();
        paper.executeBatch();
        int i = 0;
        for (DigestEntry e : d.entries()) {
          entry.setString(1, date);
          entry.setInt(2, e.rank());
          entry.setString(3, e.arxivId());
          entry.setString(4, e.title());
          entry.setString(5, e.url());
          Rows.setOptionalInt(entry, 6, e.votes());
          entry.setString(7, authorsJson.get(i++));
          Rows.setOptionalString(entry, 8, e.media());
          entry.setString(9, e.summary());
          entry.addBatch();
        }
        entry.executeBatch();
      }
    }
    return null;
  }
}
