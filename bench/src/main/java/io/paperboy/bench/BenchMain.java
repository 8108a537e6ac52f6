package io.paperboy.bench;

import io.paperboy.bot.cli.Stdio;
import io.paperboy.store.postgresql.PostgresSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperboy bench [--papers N] [--quick] [--json FILE]}: measurements beside same-run
 * baselines, printed as a table and, with {@code --json}, also written as JSON Lines. Its own
 * jar ({@code bench/target/paperboy-bench.jar}), which the {@code ./paperboy} launcher runs for
 * {@code ./paperboy bench}, so the product jar carries neither the bench nor the fakes it drives.
 */
@Command(name = "paperboy bench", mixinStandardHelpOptions = true,
    description = "Measure ingest, lookups, search and start-up against baselines taken in the same run.")
public final class BenchMain implements Callable<Integer> {

  /** The run's size without {@code --papers}; a quick run's is {@link #QUICK_PAPERS}. */
  static final int DEFAULT_PAPERS = 100_000;
  static final int QUICK_PAPERS = 2_000;

  // null when not given: "--quick --papers 100000" asks for 100,000, which the default value cannot tell apart
  @Option(names = "--papers", paramLabel = "N", description = "synthetic papers to generate (default 100000)")
  Integer papers;

  @Option(names = "--quick", description = "a small smoke run (2,000 papers unless --papers is given, fewer iterations, no child processes)")
  boolean quick;

  @Option(names = "--db", paramLabel = "postgresql://…",
      description = "instead of the full run, the store rows on this PostgreSQL server (in schemas of their own, "
          + "dropped afterwards) beside raw-JDBC baselines on the same server; credentials from the URL or "
          + "$PAPERBOY_DB_USER / $PAPERBOY_DB_PASSWORD")
  String db;

  @Option(names = "--json", paramLabel = "FILE",
      description = "also write every row as one JSON object per line (numbers as numbers, with the run's machine facts)")
  Path json;

  /** Runs the benchmarks; the smoke test passes a smaller run. */
  interface Runner {
    BenchReport run(int papers, boolean quick, java.io.PrintStream log) throws Exception;
  }

  private final Stdio stdio;
  private final Runner runner;

  BenchMain(Stdio stdio) {
    this(stdio, (papers, quick, log) -> new Bench(papers, quick, log).run());
  }

  BenchMain(Stdio stdio, Runner runner) {
    this.stdio = stdio;
    this.runner = runner;
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
    int n = papers != null ? papers : quick ? QUICK_PAPERS : DEFAULT_PAPERS;
    if (n < 100) {
      stdio.err().println("paperboy bench: --papers must be at least 100");
      return 2;
    }
    BenchReport.Run run = BenchReport.Run.here(n, quick);
    BenchReport report;
    if (db != null) {
      if (!PostgresSettings.isPostgresUrl(db)) {
        stdio.err().println("paperboy bench: --db takes a postgresql:// URL (the SQLite rows are the default run)");
        return 2;
      }
      PostgresSettings server;
      try {
        server = PostgresSettings.parse(db);
      } catch (IllegalArgumentException e) {
        stdio.err().println("paperboy bench: --db: " + e.getMessage());
        return 2;
      }
      report = new PostgresBenchmarks(server, n, quick, stdio.err()).run();
      new DiscordClusterFanOutBenchmark(server, quick, stdio.err()).addRows(report);
      new SlackClusterFanOutBenchmark(server, quick ? 100 : 1_000, stdio.err()).addRow(report, 3);
    } else {
      report = runner.run(n, quick, stdio.err());
    }
    report.print(stdio.out(), run.header());
    if (json != null) {
      try {
        report.writeJsonLines(json, run);
      } catch (IOException e) {
        stdio.err().println("paperboy bench: could not write " + json + ": " + e.getMessage());
        return 1;
      }
      stdio.err().println("wrote " + report.rows().size() + " rows to " + json);
    }
    return 0;
  }
}
