package io.paperboy.bench;

import io.paperboy.core.command.CommandService;
import io.paperboy.store.PaperStore;
import io.paperboy.store.similar.SimilarityIndex;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code /similar} at the bench's size: the command's latency (its first call builds the index,
 * timed apart), and the index's scoring beside the brute-force comparison with every paper, both
 * measured in the same run on the same index (they answer identically).
 */
final class SimilarBenchmarks {

  private SimilarBenchmarks() {}

  /** The rows: index build, command p50 / p99 against the target, index vs brute force. */
  static void rows(BenchReport report, StoreBenchmarks bench, PaperStore store, CommandService commands, List<String> ids, int iterations,
      java.util.function.Consumer<String> log) {
    Random random = new Random(11);
    log.accept("/similar: building the index of " + ids.size() + " papers");
    long t0 = System.nanoTime();
    SimilarityIndex.Builder builder = SimilarityIndex.builder();
    store.paperTexts(builder::add);
    SimilarityIndex index = builder.build();
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    report.add(new BenchReport.Row("/similar index build (" + index.size() + " papers, from the store)",
        String.format(Locale.ROOT, "%.2f s", buildSeconds), "—", "—", "informational", true,
        BenchReport.Measured.of(buildSeconds, "s")));

    // the command's own index is built by its first call; that call is the warm-up of the first round
    List<Map<String, Object>> options = random.ints(64, 0, ids.size())
        .mapToObj(i -> Map.<String, Object>of("id", ids.get(i), "n", 5L)).toList();
    log.accept("/similar ×" + iterations);
    Latencies command = bench.command(commands, iterations, options, "similar");
    double p99Ms = command.p99() / 1000;
    report.add(new BenchReport.Row("/similar p50 / p99 at " + index.size() + " papers",
        BenchReport.micros(command.p50()) + " / " + BenchReport.micros(command.p99()), "—",
        BenchReport.ratio(p99Ms / 50) + " of limit", "p99 < 50 ms", p99Ms < 50,
        BenchReport.Measured.latency(command).withRatio(p99Ms / 50).with("limit_ms", 50)));

    log.accept("/similar scoring: inverted index vs brute force ×" + iterations);
    Latencies indexed = new Latencies();
    Latencies brute = new Latencies();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < iterations; i++) {
        String id = ids.get(random.nextInt(ids.size()));
        // take turns, so neither always runs on the other's warm caches
        boolean indexFirst = (i & 1) == 0;
        long a;
        long b;
        if (indexFirst) {
          a = time(() -> index.similar(id, 5));
          b = time(() -> index.bruteForce(id, 5));
        } else {
          b = time(() -> index.bruteForce(id, 5));
          a = time(() -> index.similar(id, 5));
        }
        if (round == 1) {
          indexed.add(a);
          brute.add(b);
        }
      }
    }
    double ratio = indexed.p99() / brute.p99();
    report.add(new BenchReport.Row("/similar scoring p50 / p99: inverted index",
        BenchReport.micros(indexed.p50()) + " / " + BenchReport.micros(indexed.p99()),
        BenchReport.micros(brute.p50()) + " / " + BenchReport.micros(brute.p99()) + " (brute force: every paper compared)",
        BenchReport.ratio(ratio) + " (p99)", "faster than brute force", ratio < 1,
        BenchReport.Measured.latency(indexed).withBaseline(brute).withRatio(ratio)));
  }

  private static long time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return System.nanoTime() - t0;
  }
}
