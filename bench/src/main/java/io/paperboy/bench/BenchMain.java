package io.paperboy.bench;

import io.paperboy.bot.cli.Stdio;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperboy bench [--papers N] [--quick]}: measurements beside same-run baselines. Its own
 * jar ({@code bench/target/paperboy-bench.jar}), which the {@code ./paperboy} launcher runs for
 * {@code ./paperboy bench}, so the product jar carries neither the bench nor the fakes it drives.
 */
@Command(name = "paperboy bench", mixinStandardHelpOptions = true,
    description = "Measure ingest, lookups, search and start-up against baselines taken in the same run.")
public final class BenchMain implements Callable<Integer> {

  @Option(names = "--papers", paramLabel = "N", description = "synthetic papers to generate (default 100000)")
  int papers = 100_000;

  @Option(names = "--quick", description = "a small smoke run (2,000 papers unless --papers is given, fewer iterations, no child processes)")
  boolean quick;

  private final Stdio stdio;

  BenchMain(Stdio stdio) {
    this.stdio = stdio;
  }

  public static void main(String[] args) {
    Stdio stdio = Stdio.system();
    CommandLine cli = new CommandLine(new BenchMain(stdio));
    cli.setOut(new java.io.PrintWriter(stdio.out(), true));
    cli.setErr(new java.io.PrintWriter(stdio.err(), true));
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    int n = quick && papers == 100_000 ? 2_000 : papers;
    if (n < 100) {
      stdio.err().println("paperboy bench: --papers must be at least 100");
      return 2;
    }
    BenchReport report = new Bench(n, quick, stdio.err()).run();
    Runtime rt = Runtime.getRuntime();
    report.print(stdio.out(), String.format(Locale.ROOT,
        "paperboy bench — %d papers%s — %s, %d cores, %d MiB max heap, Java %s (%s) on %s %s",
        n, quick ? " (quick)" : "", LocalDate.now(), rt.availableProcessors(), rt.maxMemory() >> 20,
        System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
        System.getProperty("os.arch")));
    return 0;
  }
}
