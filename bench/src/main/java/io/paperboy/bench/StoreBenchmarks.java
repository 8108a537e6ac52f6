package io.paperboy.bench;

import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.scheduler.digest.DigestParser;
import io.paperboy.scheduler.digest.DigestRejectedException;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.search.SearchTokens;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.store.sqlite.papers.SqlitePaperStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/** Ingest, lookup, top and search, each beside its raw-JDBC baseline. */
final class StoreBenchmarks {

  private final Path workDir;
  private final Consumer<String> progress;

  StoreBenchmarks(Path workDir, Consumer<String> progress) {
    this.workDir = workDir;
    this.progress = progress;
  }

  /** Result of the ingest race, plus the loaded database for the read benchmarks. */
  record Ingest(double paperboyEntriesPerSecond, double jdbcEntriesPerSecond, Path database, List<String> ids,
      LocalDate first, LocalDate last) {}

  Ingest ingest(List<SyntheticCorpus.Day> days) throws Exception {
    DigestParser parser = new DigestParser();
    int entries = days.stream().mapToInt(d -> d.ids().size()).sum();

    // baseline: the same rows, parsed beforehand, straight into the same schema with JDBC batches
    List<Digest> parsed = new ArrayList<>(days.size());
    for (SyntheticCorpus.Day d : days) {
      parsed.add(parser.parse(d.date() + ".md", d.markdown()));
    }
    Path baselineFile = workDir.resolve("baseline.db");
    SqliteStores.open(baselineFile).close(); // creates the schema through the real migrations
    progress.accept("ingest baseline: plain JDBC batches of " + entries + " entries");
    long t0 = System.nanoTime();
    jdbcInsert(baselineFile, parsed);
    double jdbcRate = entries / ((System.nanoTime() - t0) / 1e9);

    // Paperboy: parse the markdown and save through the store, index brought up to date at the end
    Path file = workDir.resolve("paperboy.db");
    progress.accept("ingest paperboy: parser + store for " + entries + " entries");
    long t1 = System.nanoTime();
    try (SqliteStores stores = SqliteStores.open(file)) {
      SqlitePaperStore store = stores.papers();
      List<Digest> batch = new ArrayList<>();
      for (SyntheticCorpus.Day d : days) {
        batch.add(parse(parser, d));
        if (batch.size() == 100) {
          store.saveAll(batch);
          batch.clear();
        }
      }
      store.saveAll(batch);
      store.refreshSearchIndex();
    }
    double paperboyRate = entries / ((System.nanoTime() - t1) / 1e9);
    List<String> ids = days.stream().flatMap(d -> d.ids().stream()).toList();
    return new Ingest(paperboyRate, jdbcRate, file, ids, days.get(0).date(), days.get(days.size() - 1).date());
  }

  private static Digest parse(DigestParser parser, SyntheticCorpus.Day d) throws DigestRejectedException {
    return parser.parse(d.date() + ".md", d.markdown());
  }

  private static void jdbcInsert(Path file, List<Digest> digests) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (java.sql.Statement pragma = c.createStatement()) {
        // the same durability settings as the SQLite store uses
        pragma.execute("PRAGMA journal_mode=WAL");
        pragma.execute("PRAGMA synchronous=NORMAL");
      }
      c.setAutoCommit(false);
      try (PreparedStatement day = c.prepareStatement("INSERT INTO digest(date, source, ingested_at) VALUES (?,?,?)");
           PreparedStatement paper = c.prepareStatement("INSERT INTO paper(id, arxiv_id, title, url, votes, authors, media,"
               + " summary, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?)");
           PreparedStatement entry = c.prepareStatement("INSERT INTO digest_entry(date, rank, arxiv_id, title, url, votes,"
               + " authors, media, summary) VALUES (?,?,?,?,?,?,?,?,?)");
           PreparedStatement fts = c.prepareStatement(
               "INSERT INTO paper_fts(rowid, title, authors, summary) VALUES (?,?,?,?)")) {
        long id = 0;
        int inChunk = 0;
        for (Digest d : digests) {
          day.setString(1, d.date().toString());
          day.setString(2, d.source());
          day.setString(3, Instant.now().toString());
          day.executeUpdate();
          for (DigestEntry e : d.entries()) {
            id++;
            String authors = json(e.authors());
            paper.setLong(1, id);
            paper.setString(2, e.arxivId());
            paper.setString(3, e.title());
            paper.setString(4, e.url());
            paper.setObject(5, e.votes().orElse(null));
            paper.setString(6, authors);
            paper.setString(7, e.media().orElse(null));
            paper.setString(8, e.summary());
            paper.setString(9, d.date().toString());
            paper.setString(10, d.date().toString());
            paper.addBatch();
            entry.setString(1, d.date().toString());
            entry.setInt(2, e.rank());
            entry.setString(3, e.arxivId());
            entry.setString(4, e.title());
            entry.setString(5, e.url());
            entry.setObject(6, e.votes().orElse(null));
            entry.setString(7, authors);
            entry.setString(8, e.media().orElse(null));
            entry.setString(9, e.summary());
            entry.addBatch();
            fts.setLong(1, id);
            fts.setString(2, SearchTokens.indexText(e.title()));
            fts.setString(3, SearchTokens.indexText(String.join(", ", e.authors())));
            fts.setString(4, SearchTokens.indexText(e.summary()));
            fts.addBatch();
          }
          paper.executeBatch();
          entry.executeBatch();
          fts.executeBatch();
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

  private static String json(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "\"" : ",\"").append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append(']').toString();
  }

  /** {@code /paper} through the command path vs one raw prepared-statement lookup. */
  Latencies[] paperLookup(Ingest data, CommandService commands, int iterations) throws SQLException {
    Random random = new Random(7);
    Latencies viaCommand = new Latencies();
    Latencies raw = new Latencies();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.database());
         PreparedStatement ps = c.prepareStatement("SELECT * FROM paper WHERE arxiv_id = ?")) {
      // the command path is far more code than one JDBC call: warm both up until the JIT settles
      for (int round = 0; round < 4; round++) {
        for (int i = 0; i < iterations; i++) {
          String id = data.ids().get(random.nextInt(data.ids().size()));
          // whichever reads a row first pays for bringing its pages into memory: take turns
          boolean commandFirst = (i & 1) == 0;
          long command;
          long plain;
          if (commandFirst) {
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
    commands.answerHere(request("paper", Map.of("id", id)));
    return System.nanoTime() - t0;
  }

  /** The same paper through one raw statement: every column read, as /paper needs them all. */
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

  /**
   * A command through the command service as the console and {@code paperboy ask} call it (on the
   * caller's thread; the platforms' path, with its budget, is what the round-trip rows time),
   * {@code iterations} times after as many warm-up runs.
   */
  Latencies command(CommandService commands, int iterations, List<Map<String, Object>> optionSets, String name) {
    Latencies l = new Latencies();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < iterations; i++) {
        Map<String, Object> options = optionSets.get(i % optionSets.size());
        long t0 = System.nanoTime();
        commands.answerHere(request(name, options));
        if (round == 1) {
          l.add(System.nanoTime() - t0);
        }
      }
    }
    return l;
  }

  static CommandRequest request(String name, Map<String, Object> options) {
    return new CommandRequest(name, Optional.empty(), options, Caller.console(), ChannelRef.console(), Instant.now());
  }
}
