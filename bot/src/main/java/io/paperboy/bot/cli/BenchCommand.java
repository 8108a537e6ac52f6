package io.paperboy.bot.cli;

import io.paperboy.bot.bench.Bench;
import io.paperboy.bot.bench.BenchReport;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperboy bench [--papers N] [--quick]}: measurements beside same-run baselines. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure ingest, lookups, search and start-up against baselines taken in the same run.")
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--papers", paramLabel = "N", description = "synthetic papers to generate (default 100000)")
  int papers = 100_000;

  @Option(names = "--quick", description = "a small smoke run (2,000 papers unless --papers is given, fewer iterations, no child processes)")
  boolean quick;

  private final Launcher launcher;

  BenchCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() throws Exception {
    int n = quick && papers == 100_000 ? 2_000 : papers;
    if (n < 100) {
      throw new IllegalArgumentException("--papers must be at least 100");
    }
    BenchReport report = new Bench(n, quick, launcher.stdio().err()).run();
    Runtime rt = Runtime.getRuntime();
    report.print(launcher.stdio().out(), String.format(java.util.Locale.ROOT,
        "paperboy bench — %d papers%s — %s, %d cores, %d MiB max heap, Java %s (%s) on %s %s",
        n, quick ? " (quick)" : "", LocalDate.now(), rt.availableProcessors(), rt.maxMemory() >> 20,
        System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
        System.getProperty("os.arch")));
    return 0;
  }
}
