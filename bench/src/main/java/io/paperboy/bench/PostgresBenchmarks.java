package io.paperboy.bench;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.core.command.CommandService;
import io.paperboy.scheduler.digest.DigestParser;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.postgresql.PostgresSettings;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.store.search.SearchTokens;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code paperboy bench --db postgresql://…}: the store rows on PostgreSQL, each beside a raw-JDBC
 * baseline on the same server in the same run: ingest against plain JDBC batches into the same
 * schema (with a {@code tsvector} of the same tokens, built by the server), {@code /paper} against
 * one prepared SELECT, {@code /top}, {@code /search} and {@code /similar} as the command path answers them. Runs
 * in two schemas of its own ({@code pb_bench_…}), dropped afterwards, whatever schema the URL names.
 */
final class PostgresBenchmarks {

  private final PostgresSettings server;
  private final int papers;
  private final boolean quick;
  private final PrintStream log;
  private final String prefix = "pb_bench_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);

  PostgresBenchmarks(PostgresSettings server, int papers, boolean quick, PrintStream log) {
    this.server = server;
    this.papers = papers;
    this.quick = quick;
    this.log = log;
  }

  /** The names of this run's schemas start with it. */
  String schemaPrefix() {
    return prefix;
  }

  BenchReport run() throws Exception {
    PostgresSettings store = server.withSchema(prefix + "_store");
    PostgresSettings baseline = server.withSchema(prefix + "_jdbc");
    Path work = Files.createTempDirectory("paperboy-bench-pg");
    try {
      return run(store, baseline, work);
    } finally {
      // -Dpaperboy.bench.keepSchemas=true keeps them, to look at the query plans afterwards
      if (Boolean.getBoolean("paperboy.bench.keepSchemas")) {
        log.println("kept schemas " + store.schema().orElseThrow() + " and " + baseline.schema().orElseThrow());
      } else {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + store.schema().orElseThrow() + " CASCADE");
          s.execute("DROP SCHEMA IF EXISTS " + baseline.schema().orElseThrow() + " CASCADE");
        }
      }
      Files.deleteIfExists(work);
    }
  }

  private BenchReport run(PostgresSettings store, PostgresSettings baseline, Path work) throws Exception {
    BenchReport report = new BenchReport();
    int iterations = quick ? 200 : 2_000;
    log.println("generating " + papers + " synthetic papers…");
    List<SyntheticCorpus.Day> days = new SyntheticCorpus(42).days(LocalDate.of(2016, 1, 1), papers);
    DigestParser parser = new DigestParser();
    List<Digest> parsed = new ArrayList<>(days.size());
    for (SyntheticCorpus.Day d : days) {
      parsed.add(parser.parse(d.date() + ".md", d.markdown()));
    }
    int entries = parsed.stream().mapToInt(d -> d.entries().size()).sum();

    PostgresStores.open(baseline).close(); // the same schema, through the real migrations
    log.println("PostgreSQL ingest baseline: plain JDBC batches of " + entries + " entries");
    long t0 = System.nanoTime();
    jdbcInsert(baseline, parsed);
    double jdbcRate = entries / ((System.nanoTime() - t0) / 1e9);

    log.println("PostgreSQL ingest paperboy: parser + store for " + entries + " entries");
    long t1 = System.nanoTime();
    try (PostgresStores stores = PostgresStores.open(store)) {
      List<Digest> batch = new ArrayList<>();
      for (SyntheticCorpus.Day d : days) {
        batch.add(parser.parse(d.date() + ".md", d.markdown()));
        if (batch.size() == 100) {
          stores.papers().saveAll(batch);
          batch.clear();
        }
      }
      stores.papers().saveAll(batch);
    }
    double rate = entries / ((System.nanoTime() - t1) / 1e9);
    analyze(store);
    double ratio = rate / jdbcRate;
    report.add(new BenchReport.Row("PostgreSQL ingest (parser + store, search vector included)",
        String.format(Locale.ROOT, "%.0f entries/s", rate),
        String.format(Locale.ROOT, "%.0f entries/s (plain JDBC batch, server-built tsvector)", jdbcRate),
        BenchReport.ratio(ratio), "≥ 0.5× baseline", ratio >= 0.5,
        BenchReport.Measured.of(rate, "entries/s").withBaseline(jdbcRate).withRatio(ratio)));

    List<String> ids = days.stream().flatMap(d -> d.ids().stream()).toList();
    Map<String, String> env = new HashMap<>();
    store.password().ifPresent(p -> env.put(PostgresSettings.PASSWORD_ENV, p));
    PaperboyConfig config = PaperboyConfig.defaults().withDatabase(store.urlWithoutPassword());
    StoreBenchmarks commandsBench = new StoreBenchmarks(work, log::println);
    try (Paperboy app = Paperboy.open(config, Clock.systemUTC(), env)) {
      CommandService commands = app.commands();
      log.println("PostgreSQL lookups: /paper ×" + iterations);
      Latencies[] lookup = paperLookup(store, commands, ids, iterations);
      double r = lookup[0].p99() / lookup[1].p99();
      report.add(new BenchReport.Row("PostgreSQL /paper p50 / p99",
          BenchReport.micros(lookup[0].p50()) + " / " + BenchReport.micros(lookup[0].p99()),
          BenchReport.micros(lookup[1].p50()) + " / " + BenchReport.micros(lookup[1].p99()) + " (raw SELECT)",
          BenchReport.ratio(r) + " (p99)", "p99 ≤ 1.5× raw lookup", r <= 1.5,
          BenchReport.Measured.latency(lookup[0]).withBaseline(lookup[1]).withRatio(r)));

      List<Map<String, Object>> weeks = new ArrayList<>();
      for (LocalDate d = days.get(0).date(); d.isBefore(days.get(days.size() - 1).date()); d = d.plusDays(7)) {
        weeks.add(Map.of("period", d.toString()));
      }
      Latencies top = commandsBench.command(commands, iterations, weeks, "top");
      report.add(new BenchReport.Row("PostgreSQL /top (one day) p50 / p99", BenchReport.micros(top.p50()) + " / "
          + BenchReport.micros(top.p99()), "—", "—", "informational", true, BenchReport.Measured.latency(top)));
      searchRow(report, commandsBench, commands, "Korean", Bench.KOREAN_QUERIES, iterations / 4);
      searchRow(report, commandsBench, commands, "English", Bench.ENGLISH_QUERIES, iterations / 4);
      // the index is built in memory from the store's texts; the answer's papers are read from PostgreSQL
      SimilarBenchmarks.rows(report, commandsBench, app.paperReading().papers(), commands, ids, iterations / 4,
          line -> log.println("PostgreSQL " + line));
    }
    return report;
  }

  private void searchRow(BenchReport report, StoreBenchmarks bench, CommandService commands, String language,
      List<String> queries, int iterations) {
    log.println("PostgreSQL search (" + language + ") ×" + iterations);
    List<Map<String, Object>> options = queries.stream().map(q -> Map.<String, Object>of("query", q)).toList();
    Latencies l = bench.command(commands, iterations, options, "search");
    double limitMs = papers > 100_000 ? 200 : 50;
    report.add(new BenchReport.Row("PostgreSQL /search " + language + " p50 / p99 " + queries,
        BenchReport.micros(l.p50()) + " / " + BenchReport.micros(l.p99()), "—",
        BenchReport.ratio(l.p99() / 1000 / limitMs) + " of limit", "p99 < " + (int) limitMs + " ms", l.p99() / 1000 < limitMs,
        BenchReport.Measured.latency(l).withRatio(l.p99() / 1000 / limitMs).with("limit_ms", limitMs)));
  }

  /** {@code /paper} through the command path vs one prepared SELECT of the same columns, taking turns. */
  private static Latencies[] paperLookup(PostgresSettings store, CommandService commands, List<String> ids, int iterations)
      throws SQLException {
    Random random = new Random(7);
    Latencies viaCommand = new Latencies();
    Latencies raw = new Latencies();
    try (Connection c = connect(store);
         PreparedStatement ps = c.prepareStatement(
             "SELECT arxiv_id, title, url, votes, authors, media, summary FROM paper WHERE arxiv_id = ?")) {
      for (int round = 0; round < 4; round++) {
        for (int i = 0; i < iterations; i++) {
          String id = ids.get(random.nextInt(ids.size()));
          long command;
          long plain;
          if ((i & 1) == 0) {
            command = timeCommand(commands, id);
            plain = timeRaw(ps, id);
          } else {
            plain = timeRaw(ps, id);
            command = timeCommand(commands, id);
          }
          if (round == 3) {
            viaCommand.add(command);
            raw.add(plain);
          }
        }
      }
    }
    return new Latencies[] {viaCommand, raw};
  }

  private static long timeCommand(CommandService commands, String id) {
    long t0 = System.nanoTime();
    commands.execute(StoreBenchmarks.request("paper", Map.of("id", id))).toCompletableFuture().join();
    return System.nanoTime() - t0;
  }

  private static long timeRaw(PreparedStatement ps, String id) throws SQLException {
    long t0 = System.nanoTime();
    ps.setString(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      for (int col = 1, n = rs.getMetaData().getColumnCount(); col <= n; col++) {
        rs.getString(col);
      }
    }
    return System.nanoTime() - t0;
  }

  /** The baseline: the same rows with plain batches, the search vector built by the server from the same tokens. */
  private static void jdbcInsert(PostgresSettings settings, List<Digest> digests) throws SQLException {
    try (Connection c = connect(settings)) {
      c.setAutoCommit(false);
      try (PreparedStatement day = c.prepareStatement("INSERT INTO digest (date, source, ingested_at) VALUES (?, ?, now())");
           PreparedStatement paper = c.prepareStatement("INSERT INTO paper (arxiv_id, title, url, votes, authors, media,"
               + " summary, first_seen, last_seen, search, title_search) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?,"
               + " setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')"
               + " || to_tsvector('simple', ?), setweight(to_tsvector('simple', ?), 'A'))");
           PreparedStatement entry = c.prepareStatement("INSERT INTO digest_entry (date, rank, arxiv_id, title, url, votes,"
               + " authors, media, summary) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
        int inChunk = 0;
        for (Digest d : digests) {
          day.setObject(1, d.date());
          day.setString(2, d.source());
          day.executeUpdate();
          for (DigestEntry e : d.entries()) {
            String authors = json(e.authors());
            paper.setString(1, e.arxivId());
            paper.setString(2, e.title());
            paper.setString(3, e.url());
            paper.setObject(4, e.votes().orElse(null), java.sql.Types.INTEGER);
            paper.setString(5, authors);
            paper.setString(6, e.media().orElse(null));
            paper.setString(7, e.summary());
            paper.setObject(8, d.date());
            paper.setObject(9, d.date());
            paper.setString(10, SearchTokens.indexText(e.title()));
            paper.setString(11, SearchTokens.indexText(String.join(", ", e.authors())));
            paper.setString(12, SearchTokens.indexText(e.summary()));
            paper.setString(13, SearchTokens.indexText(e.title()));
            paper.addBatch();
            entry.setObject(1, d.date());
            entry.setInt(2, e.rank());
            entry.setString(3, e.arxivId());
            entry.setString(4, e.title());
            entry.setString(5, e.url());
            entry.setObject(6, e.votes().orElse(null), java.sql.Types.INTEGER);
            entry.setString(7, authors);
            entry.setString(8, e.media().orElse(null));
            entry.setString(9, e.summary());
            entry.addBatch();
          }
          paper.executeBatch();
          entry.executeBatch();
          inChunk += d.entries().size();
          if (inChunk >= 5_000) {
            c.commit();
            inChunk = 0;
          }
        }
        c.commit();
      }
    }
  }

  /** Fresh statistics before the reads, as autovacuum would have gathered them on a database in use. */
  private static void analyze(PostgresSettings settings) throws SQLException {
    try (Connection c = connect(settings); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  private static Connection connect(PostgresSettings settings) throws SQLException {
    Properties p = new Properties();
    settings.user().ifPresent(u -> p.setProperty("user", u));
    settings.password().ifPresent(pw -> p.setProperty("password", pw));
    return DriverManager.getConnection(settings.jdbcUrl(), p);
  }

  private static String json(List<String> values) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
