package io.paperboy.bench;

import io.paperboy.bot.Paperboy;
import io.paperboy.core.command.CommandService;
import io.paperboy.bot.config.PaperboyConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Runs every benchmark and fills the report. */
public final class Bench {

  /** Korean and English queries of the kinds people type. */
  static final List<String> KOREAN_QUERIES = List.of("모델", "확산", "강화학습", "양자화", "비디오 생성");
  /** One-syllable Hangul terms match as token prefixes (SearchTokens.lastIsPrefix): common, rarer and absent ones. */
  static final List<String> ONE_SYLLABLE_QUERIES = List.of("성", "모", "주", "눈", "음");
  static final List<String> ENGLISH_QUERIES = List.of("LLM", "diffusion", "agent", "transformer alignment", "LoRA");

  private final int papers;
  private final boolean quick;
  private final PrintStream log;
  private final int roundTripWarmUp;
  private final int roundTrips;
  private final int fanOutChannels;

  /**
   * @param papers how many synthetic papers to generate
   * @param quick  a small smoke run: fewer iterations, no child processes
   * @param log    progress lines
   */
  public Bench(int papers, boolean quick, PrintStream log) {
    this(papers, quick, log, quick ? 100 : 300, quick ? 200 : 1_000, quick ? 200 : 1_000);
  }

  /**
   * @param roundTripWarmUp  platform round trips before measuring
   * @param roundTrips       measured platform round trips
   * @param fanOutChannels   channels the fan-out posts to
   */
  Bench(int papers, boolean quick, PrintStream log, int roundTripWarmUp, int roundTrips, int fanOutChannels) {
    this.papers = papers;
    this.quick = quick;
    this.log = log;
    this.roundTripWarmUp = roundTripWarmUp;
    this.roundTrips = roundTrips;
    this.fanOutChannels = fanOutChannels;
  }

  public BenchReport run() throws Exception {
    // the JDK HTTP server behind the Slack and fan-out fakes: without it every loopback answer
    // stalls ~40 ms on Nagle + delayed ACK (read once, when the first server starts)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    Path work = Files.createTempDirectory("paperboy-bench");
    try {
      return run(work);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private BenchReport run(Path work) throws Exception {
    BenchReport report = new BenchReport();
    int iterations = quick ? 200 : 2_000;
    log.println("generating " + papers + " synthetic papers…");
    List<SyntheticCorpus.Day> days = new SyntheticCorpus(42).days(LocalDate.of(2016, 1, 1), papers);
    StoreBenchmarks store = new StoreBenchmarks(work, log::println);
    StoreBenchmarks.Ingest ingest = store.ingest(days);
    double ratio = ingest.paperboyEntriesPerSecond() / ingest.jdbcEntriesPerSecond();
    report.add(new BenchReport.Row("ingest (parser + store, FTS included)",
        String.format(Locale.ROOT, "%.0f entries/s", ingest.paperboyEntriesPerSecond()),
        String.format(Locale.ROOT, "%.0f entries/s (plain JDBC batch)", ingest.jdbcEntriesPerSecond()),
        BenchReport.ratio(ratio), "≥ 0.5× baseline", ratio >= 0.5,
        BenchReport.Measured.of(ingest.paperboyEntriesPerSecond(), "entries/s")
            .withBaseline(ingest.jdbcEntriesPerSecond()).withRatio(ratio)));

    PaperboyConfig config = PaperboyConfig.defaults().withDatabase(ingest.database().toString());
    try (Paperboy app = Paperboy.open(config, Clock.systemUTC())) {
      CommandService commands = app.commands();
      log.println("lookups: /paper ×" + iterations);
      Latencies[] lookup = store.paperLookup(ingest, commands, iterations);
      double r = lookup[0].p99() / lookup[1].p99();
      report.add(new BenchReport.Row("/paper p50 / p99",
          BenchReport.micros(lookup[0].p50()) + " / " + BenchReport.micros(lookup[0].p99()),
          BenchReport.micros(lookup[1].p50()) + " / " + BenchReport.micros(lookup[1].p99()) + " (raw SELECT)",
          BenchReport.ratio(r) + " (p99)", "p99 ≤ 1.5× raw lookup", r <= 1.5,
          BenchReport.Measured.latency(lookup[0]).withBaseline(lookup[1]).withRatio(r)));

      List<Map<String, Object>> weeks = new ArrayList<>();
      for (LocalDate d = ingest.first(); d.isBefore(ingest.last()); d = d.plusDays(7)) {
        weeks.add(Map.of("period", d.toString()));
      }
      Latencies top = store.command(commands, iterations, weeks, "top");
      report.add(new BenchReport.Row("/top (one day) p50 / p99", BenchReport.micros(top.p50()) + " / "
          + BenchReport.micros(top.p99()), "—", "—", "informational", true, BenchReport.Measured.latency(top)));

      searchRow(report, store, commands, "Korean", KOREAN_QUERIES, iterations / 4);
      searchRow(report, store, commands, "Korean one syllable", ONE_SYLLABLE_QUERIES, iterations / 4);
      searchRow(report, store, commands, "English", ENGLISH_QUERIES, iterations / 4);
      SimilarBenchmarks.rows(report, store, app.paperReading().papers(), commands, ingest.ids(), iterations / 4, log::println);
      roundTripRows(report, new RoundTripBenchmarks(commands, ingest.ids(), roundTripWarmUp, roundTrips));
    }
    fanOutRow(report, work);

    alertRows(report, quick ? 100 : 1_000, quick ? 500 : 10_000);

    if (!quick) {
      startRows(report, ingest);
    }
    return report;
  }

  /**
   * {@code paperboy ask /paper} from process start to answer, the median of a few starts: as the
   * launcher starts it (fast start) and as a plain {@code java -jar} does, beside a bare JVM. The
   * target (< 1 s) is about the launcher's start; the plain start shows what the archive buys.
   */
  private void startRows(BenchReport report, StoreBenchmarks.Ingest ingest) throws Exception {
    int times = 5;
    List<String> paper = List.of("ask", "/paper " + ingest.ids().get(0), "--db", ingest.database().toString());
    log.println("process start: bare JVM vs paperboy ask, median of " + times);
    ProcessBenchmarks.Run bare = ProcessBenchmarks.bareJvm(times);
    java.util.Optional<ProcessBenchmarks.Start> fast = ProcessBenchmarks.fastStart();
    ProcessBenchmarks.Start plain = ProcessBenchmarks.plainJar().orElseGet(ProcessBenchmarks::benchClasspath);
    ProcessBenchmarks.Run plainRun = ProcessBenchmarks.median(plain, paper, times);
    ProcessBenchmarks.Run measured = plainRun;
    if (fast.isPresent()) {
      ProcessBenchmarks.Run fastRun = ProcessBenchmarks.median(fast.get(), paper, times);
      measured = fastRun;
      double r = fastRun.seconds() / plainRun.seconds();
      report.add(new BenchReport.Row("start to answered (`paperboy ask /paper` at " + papers + " papers), "
          + fast.get().description(), String.format(Locale.ROOT, "%.2f s", fastRun.seconds()),
          String.format(Locale.ROOT, "%.2f s (%s); bare `java -version` %.2f s", plainRun.seconds(), plain.description(),
              bare.seconds()), BenchReport.ratio(r) + " of plain", "< 1 s", fastRun.seconds() < 1,
          BenchReport.Measured.of(fastRun.seconds(), "s").withBaseline(plainRun.seconds()).withRatio(r)
              .with("bare_jvm_s", bare.seconds()).with("papers", papers)));
    } else {
      log.println("no fast-start archive: run the bench as `./paperboy bench` to measure the launcher's start");
      report.add(new BenchReport.Row("start to answered (`paperboy ask /paper` at " + papers + " papers), "
          + plain.description() + " (no archive: not started by ./paperboy bench)",
          String.format(Locale.ROOT, "%.2f s", plainRun.seconds()),
          String.format(Locale.ROOT, "%.2f s (bare `java -version`)", bare.seconds()),
          BenchReport.ratio(plainRun.seconds() / bare.seconds()), "< 1 s", plainRun.seconds() < 1,
          BenchReport.Measured.of(plainRun.seconds(), "s").withBaseline(bare.seconds())
              .withRatio(plainRun.seconds() / bare.seconds()).with("papers", papers)));
    }
    ProcessBenchmarks.Run search = ProcessBenchmarks.median(fast.orElse(plain),
        List.of("ask", "/search 모델", "--db", ingest.database().toString()), 1);
    long kb = Math.max(measured.peakRssKb(), search.peakRssKb());
    report.add(new BenchReport.Row("peak resident memory (ask /paper, /search at " + papers + " papers)",
        kb / 1024 + " MiB", "—", "—", "< 256 MiB", kb > 0 && kb < 256 * 1024, BenchReport.Measured.of(kb / 1024.0, "MiB")));
  }

  private void roundTripRows(BenchReport report, RoundTripBenchmarks bench) throws Exception {
    log.println("/paper through JDA against the fake Discord ×" + roundTrips + " (after " + roundTripWarmUp + ")");
    roundTripRow(report, "/paper round trip through JDA (interaction in → callback out) p50 / p99", bench.discord(),
        "plain HTTP GET to the fake");
    log.println("/paper through Bolt against the fake Slack ×" + roundTrips + " (after " + roundTripWarmUp + ")");
    roundTripRow(report, "/paper round trip through Bolt (signed slash command → ack JSON) p50 / p99", bench.slack(),
        "same POST to an unmapped path: Jetty 405, no Bolt");
  }

  private static void roundTripRow(BenchReport report, String name, RoundTripBenchmarks.Result r, String baseline) {
    double p99Ms = r.adapter().p99() / 1000;
    report.add(new BenchReport.Row(name,
        BenchReport.micros(r.adapter().p50()) + " / " + BenchReport.micros(r.adapter().p99()),
        BenchReport.micros(r.baseline().p50()) + " / " + BenchReport.micros(r.baseline().p99()) + " (" + baseline + ")",
        BenchReport.ratio(r.adapter().p99() / r.baseline().p99()) + " (p99)", "p99 < 50 ms", p99Ms < 50,
        BenchReport.Measured.latency(r.adapter()).withBaseline(r.baseline())
            .withRatio(r.adapter().p99() / r.baseline().p99())));
  }

  private void fanOutRow(BenchReport report, Path work) throws Exception {
    log.println("fan-out: one day to " + fanOutChannels + " channels under Discord's rate limits");
    FanOutBenchmark.Result r = FanOutBenchmark.run(work.resolve("fan-out.db"), fanOutChannels);
    report.add(new BenchReport.Row("fan-out: one day to " + r.channels() + " Discord channels (worker parallelism "
        + r.parallelism() + ")", String.format(Locale.ROOT, "%.1f s (%d messages, %d answers were 429)", r.seconds(),
        r.messages(), r.rateLimited()), String.format(Locale.ROOT, "%.1f s (floor: 50 requests/s global, 5 per 5 s"
        + " per channel)", r.floorSeconds()), String.format(Locale.ROOT, "%.1f %% of ceiling", 100 * r.ofCeiling()),
        "≥ 95 % of ceiling", r.ofCeiling() >= 0.95,
        BenchReport.Measured.of(r.seconds(), "s").withBaseline(r.floorSeconds()).withRatio(r.ofCeiling())
            .with("channels", r.channels()).with("messages", r.messages()).with("rate_limited", r.rateLimited())
            .with("parallelism", r.parallelism())));
  }

  private void alertRows(BenchReport report, int alertCount, int paperCount) throws Exception {
    log.println("alert matching: " + alertCount + " alerts × 70 papers and × " + paperCount + " papers");
    List<io.paperboy.store.query.Query> alerts = AlertBenchmarks.alerts(alertCount, 3);
    List<io.paperboy.store.DigestEntry> day = AlertBenchmarks.entries(70, 5);
    Latencies dayLatency = AlertBenchmarks.perPaper(alerts, day.subList(0, Math.min(70, day.size())));
    report.add(new BenchReport.Row("alerts: " + alertCount + " alerts vs a 70-paper day, per paper p50 / p99",
        BenchReport.micros(dayLatency.p50()) + " / " + BenchReport.micros(dayLatency.p99()), "—", "—", "informational", true,
        BenchReport.Measured.latency(dayLatency)));
    Latencies many = AlertBenchmarks.perPaper(alerts, AlertBenchmarks.entries(paperCount, 6));
    report.add(new BenchReport.Row("alerts: " + alertCount + " alerts vs " + paperCount + " papers, per paper p50 / p99",
        BenchReport.micros(many.p50()) + " / " + BenchReport.micros(many.p99()), "—", "—", "informational", true,
        BenchReport.Measured.latency(many)));
  }

  private void searchRow(BenchReport report, StoreBenchmarks store, CommandService commands, String language,
      List<String> queries, int iterations) {
    log.println("search (" + language + ") ×" + iterations);
    List<Map<String, Object>> options = queries.stream().map(q -> Map.<String, Object>of("query", q)).toList();
    Latencies l = store.command(commands, iterations, options, "search");
    double limitMs = papers > 100_000 ? 200 : 50;
    report.add(new BenchReport.Row("/search " + language + " p50 / p99 " + queries,
        BenchReport.micros(l.p50()) + " / " + BenchReport.micros(l.p99()), "—",
        BenchReport.ratio(l.p99() / 1000 / limitMs) + " of limit", "p99 < " + (int) limitMs + " ms", l.p99() / 1000 < limitMs,
        BenchReport.Measured.latency(l).withRatio(l.p99() / 1000 / limitMs).with("limit_ms", limitMs)));
  }
}
