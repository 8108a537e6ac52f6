package io.paperboy.bench;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.format.PaperCards;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.similar.SimilarPapers;
import io.paperboy.store.similar.SimilarityIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The narrowest run of the {@code /similar} rows at a chosen size, and where the command's time
 * goes: {@code java -cp bench/target/paperboy-bench.jar io.paperboy.bench.SimilarProfile
 * [papers] [dir] [iterations] [--no-steps]}. The store is ingested once into {@code dir} (the same synthetic corpus as the
 * bench) and reused by later runs, so before/after comparisons read the same database.
 */
public final class SimilarProfile {

  private SimilarProfile() {}

  public static void main(String[] args) throws Exception {
    int papers = args.length > 0 ? Integer.parseInt(args[0]) : BenchMain.DEFAULT_PAPERS;
    Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/paperboy-similar-" + papers);
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    List<SyntheticCorpus.Day> days = new SyntheticCorpus(42).days(LocalDate.of(2016, 1, 1), papers);
    List<String> ids = days.stream().flatMap(d -> d.ids().stream()).toList();
    StoreBenchmarks store = new StoreBenchmarks(dir, System.err::println);
    Path db = dir.resolve("paperboy.db");
    if (!Files.exists(db)) {
      Files.createDirectories(dir);
      store.ingest(days);
    }
    BenchReport report = new BenchReport();
    try (Paperboy app = Paperboy.open(PaperboyConfig.defaults().withDatabase(db.toString()), Clock.systemUTC())) {
      CommandService commands = app.commands();
      SimilarBenchmarks.rows(report, store, app.paperReading().papers(), commands, ids, iterations, System.err::println);
      if (args.length < 4 || !args[3].equals("--no-steps")) {
        steps(app.paperReading().papers(), ids, iterations);
      }
    }
    report.print(System.out, "/similar at " + papers + " papers");
  }

  /**
   * The command's steps timed apart on a fresh {@link SimilarPapers} over the same store: the
   * query paper's read, the index's scoring, the whole {@link SimilarPapers#similar} (scoring, the
   * matches' reads and their shared words) and the cards' rendering.
   */
  private static void steps(PaperStore store, List<String> ids, int iterations) {
    SimilarPapers similar = new SimilarPapers(store);
    SimilarityIndex index = similar.index();
    Random random = new Random(13);
    Latencies read = new Latencies();
    Latencies scoring = new Latencies();
    Latencies related = new Latencies();
    Latencies matchReads = new Latencies();
    Latencies cards = new Latencies();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < iterations; i++) {
        String id = ids.get(random.nextInt(ids.size()));
        long t0 = System.nanoTime();
        Paper p = store.paper(id).orElseThrow();
        long t1 = System.nanoTime();
        List<SimilarityIndex.Match> matches = index.similar(p.arxivId(), 5).orElseThrow();
        long t2 = System.nanoTime();
        List<SimilarPapers.Related> rs = similar.similar(p.arxivId(), 5).orElseThrow();
        long t3 = System.nanoTime();
        for (SimilarityIndex.Match m : matches) {
          store.paper(m.arxivId());
        }
        long t4 = System.nanoTime();
        for (SimilarPapers.Related r : rs) {
          PaperCards.of(r.paper());
        }
        long t5 = System.nanoTime();
        if (round == 1) {
          read.add(t1 - t0);
          scoring.add(t2 - t1);
          related.add(t3 - t2);
          matchReads.add(t4 - t3);
          cards.add(t5 - t4);
        }
      }
    }
    for (Map.Entry<String, Latencies> e : List.of(Map.entry("store.paper (query paper)", read),
        Map.entry("index.similar(id, 5)", scoring), Map.entry("SimilarPapers.similar(id, 5)", related),
        Map.entry("store.paper x5 (matches)", matchReads), Map.entry("PaperCards.of x5", cards))) {
      System.out.printf("step %-32s p50 %8.0f us  p90 %8.0f us  p99 %8.0f us%n", e.getKey(),
          e.getValue().p50(), e.getValue().quantileMicros(0.9), e.getValue().p99());
    }
  }
}
