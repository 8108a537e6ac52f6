package io.paperboy.store.sqlite.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.StoreException;
import io.paperboy.store.TestData;
import io.paperboy.store.sqlite.papers.SqlitePaperStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Database: opening, migrations, transactions")
class DatabaseTest {

  /** The newest schema version in the SQLite migrations folder. */
  static final String NEWEST = newestMigration();
  /** How many migrations there are: version ranges are handed out per feature, so they have gaps. */
  static final int MIGRATIONS = migrationVersions().length;

  @TempDir
  Path dir;

  private static String newestMigration() {
    return String.valueOf(java.util.Arrays.stream(migrationVersions()).max().orElseThrow());
  }

  private static int[] migrationVersions() {
    try (java.util.stream.Stream<Path> files = Files.list(Path.of(DatabaseTest.class.getResource("/db/migration/sqlite").toURI()))) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .toArray();
    } catch (java.io.IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("migrates an empty file (in a new folder) to the newest schema with WAL and foreign keys")
  void migratesEmptyFile() {
    Path file = dir.resolve("nested/folder/paperboy.db");
    try (Database db = Database.open(file)) {
      assertThat(file).exists();
      assertThat(db.schemaVersion()).isEqualTo(NEWEST);
      assertThat(db.<List<String>>read(c -> tableNames(c))).contains("paper", "digest", "digest_entry", "paper_fts",
          "search_pending", "flyway_schema_history");
      assertThat(db.<String>read(c -> pragma(c, "journal_mode"))).isEqualTo("wal");
      assertThat(db.<String>read(c -> pragma(c, "foreign_keys"))).isEqualTo("1");
      assertThat(db.<String>read(c -> pragma(c, "busy_timeout"))).isEqualTo("5000");
      assertThat(db.<String>write(c -> pragma(c, "synchronous"))).isEqualTo("1"); // NORMAL
      assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT v FROM paper_fts_config WHERE k = 'hashsize'")))
          .isEqualTo(16 << 20);
    }
  }

  @Test
  @DisplayName("tables are STRICT and checked: a text vote or a broken authors array is refused")
  void strictTables() {
    try (Database db = Database.open(dir.resolve("p.db"))) {
      assertThatThrownBy(() -> db.write(c -> Sql.update(c, """
          INSERT INTO paper (arxiv_id, title, url, votes, authors, summary, first_seen, last_seen)
          VALUES ('1', 't', 'u', 'many', '[]', 's', '2024-01-01', '2024-01-01')""")))
          .isInstanceOf(StoreException.class).hasMessageContaining("cannot store TEXT value in INTEGER column");
      assertThatThrownBy(() -> db.write(c -> Sql.update(c, """
          INSERT INTO paper (arxiv_id, title, url, votes, authors, summary, first_seen, last_seen)
          VALUES ('1', 't', 'u', 3, 'Ada, Alan', 's', '2024-01-01', '2024-01-01')""")))
          .isInstanceOf(StoreException.class).hasMessageContaining("p.db");
    }
  }

  @Test
  @DisplayName("reopening keeps the data and does not migrate again")
  void reopen() {
    Path file = dir.resolve("p.db");
    try (Database db = Database.open(file)) {
      new SqlitePaperStore(db).save(TestData.digest("2024-06-07", TestData.entry(1, "2406.04325")));
    }
    try (Database db = Database.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(NEWEST);
      assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM flyway_schema_history"))).isEqualTo(MIGRATIONS);
      assertThat(new SqlitePaperStore(db).paper("2406.04325")).isPresent();
    }
  }

  @Test
  @DisplayName("V10 rebuilds the outbox for weekly rows: a V5 file keeps its rows, ids and indexes; subscriptions turn daily")
  void weeklyMigrationKeepsTheOutbox() throws Exception {
    // GIVEN a file at V5 with a subscription and a sent outbox row
    Path v5 = dir.resolve("v5/db/migration");
    Files.createDirectories(v5);
    for (String name : List.of("V1__papers_digests_search.sql", "V2__subscriptions_outbox.sql", "V3__alerts.sql",
        "V4__outbox_leases.sql", "V5__paper_first_seen.sql")) {
      try (var in = DatabaseTest.class.getResourceAsStream("/db/migration/sqlite/" + name)) {
        Files.copy(in, v5.resolve(name));
      }
    }
    Path file = dir.resolve("v5.db");
    try (Database old = Database.open(file, List.of("filesystem:" + v5))) {
      assertThat(old.schemaVersion()).isEqualTo("5");
      old.write(c -> Sql.update(c, """
          INSERT INTO subscription VALUES ('SLACK','T','C','','09:00','UTC','mon,tue',0,NULL,'digest',0,0,NULL,
            '2024-01-01T00:00:00.000Z','2024-01-01T00:00:00.000Z')""")
          + Sql.update(c, """
          INSERT INTO delivery (id, platform, workspace, channel, kind, key, top, style, due_at, status, attempts,
                                next_attempt_at, message_ids, created_at)
          VALUES (41, 'SLACK', 'T', 'C', 'digest', '2024-06-07', 5, 'digest', '2024-06-07T00:00:00.000Z', 'sent', 1,
                  '2024-06-07T00:00:00.000Z', '["1.2"]', '2024-06-07T00:00:00.000Z')"""));
    }

    // WHEN this version opens it THEN the row is there as it was, weekly rows fit, the indexes are back
    try (Database db = Database.open(file)) {
      assertThat(db.<Integer>read(c -> Sql.count(c,
          "SELECT count(*) FROM delivery WHERE id = 41 AND status = 'sent' AND message_ids = '[\"1.2\"]'"))).isEqualTo(1);
      assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM subscription WHERE cadence = 'daily'")))
          .isEqualTo(1);
      assertThat(db.<Integer>read(c -> Sql.count(c,
          "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('delivery_due', 'delivery_channel_due')")))
          .isEqualTo(2);
      db.write(c -> Sql.update(c, """
          INSERT INTO delivery (platform, workspace, channel, kind, key, top, style, due_at, status,
                                next_attempt_at, created_at)
          VALUES ('SLACK', 'T', 'C', 'weekly', '2024-W24-1', 10, 'digest', 'x', 'pending', 'x', 'x')"""));
    }
  }

  @Test
  @DisplayName("a file migrated from the old db/migration folder (V1-V3) still opens, keeps its data and gets V4")
  void opensFilesOfTheOldLayout() throws Exception {
    // GIVEN a database migrated by the previous layout: the same files, in another folder
    Path oldFolder = dir.resolve("old-layout/db/migration");
    Files.createDirectories(oldFolder);
    for (String name : List.of("V1__papers_digests_search.sql", "V2__subscriptions_outbox.sql", "V3__alerts.sql")) {
      try (var in = DatabaseTest.class.getResourceAsStream("/db/migration/sqlite/" + name)) {
        Files.copy(in, oldFolder.resolve(name));
      }
    }
    Path file = dir.resolve("old.db");
    try (Database old = Database.open(file, List.of("filesystem:" + oldFolder))) {
      assertThat(old.schemaVersion()).isEqualTo("3");
      // rows as the code of that schema wrote them (today's code writes columns V3 lacks)
      old.write(c -> Sql.update(c, "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-06-07', 's', 'now')")
          + Sql.update(c, """
              INSERT INTO paper (arxiv_id, title, url, votes, authors, media, summary, first_seen, last_seen)
              VALUES ('2406.04325', 'T', 'https://arxiv.org/abs/2406.04325', 3, '["A"]', NULL, '- s', '2024-06-07', '2024-06-07')""")
          + Sql.update(c, """
              INSERT INTO digest_entry (date, rank, arxiv_id, title, url, votes, authors, media, summary)
              VALUES ('2024-06-07', 1, '2406.04325', 'T', 'https://arxiv.org/abs/2406.04325', 3, '["A"]', NULL, '- s')"""));
    }

    // WHEN this version opens it THEN the history validates (versions, descriptions, checksums)
    try (Database db = Database.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(NEWEST);
      assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM flyway_schema_history WHERE success = 1")))
          .isEqualTo(MIGRATIONS);
      assertThat(new SqlitePaperStore(db).paper("2406.04325")).isPresent();
      // V6: rows from before it read as complete author lists
      assertThat(new SqlitePaperStore(db).paper("2406.04325").orElseThrow().authorsMore()).isFalse();
      assertThat(new SqlitePaperStore(db).digest(TestData.day("2024-06-07"))).singleElement()
          .satisfies(e -> assertThat(e.authorsMore()).isFalse());
      assertThat(db.<Integer>read(c -> Sql.count(c,
          "SELECT count(*) FROM pragma_table_info('delivery') WHERE name IN ('claimed_by', 'lease_until')"))).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("refuses a database written by a newer schema version, naming file and versions, and leaves it as it was")
  void refusesNewerSchema() throws Exception {
    Path file = dir.resolve("p.db");
    // GIVEN a database migrated by a "newer Paperboy" that knows a V99
    try (Database newer = Database.open(file, List.of(Migrations.LOCATION, "classpath:db/future"))) {
      assertThat(newer.schemaVersion()).isEqualTo("99");
    }
    byte[] before = Files.readAllBytes(file);
    // WHEN this version opens it THEN it refuses, saying why
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("newer Paperboy")
        .hasMessageContaining("V99")
        .hasMessageContaining("up to " + NEWEST);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  @DisplayName("a file that is not a SQLite database is refused with its path in the message")
  void refusesGarbage() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.write(file, "this is not a database, just some text that is long enough ....".repeat(100)
        .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  @DisplayName("write commits on success and rolls back everything on an exception")
  void writeRollsBack() {
    try (Database db = Database.open(dir.resolve("p.db"))) {
      db.write(c -> Sql.update(c, "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-01-01', 's', 'now')"));
      assertThatThrownBy(() -> db.write(c -> {
        Sql.update(c, "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-01-02', 's', 'now')");
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
      assertThatThrownBy(() -> db.write(c -> {
        Sql.update(c, "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-01-03', 's', 'now')");
        return Sql.update(c, "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-01-01', 's', 'now')");
      })).isInstanceOf(StoreException.class).hasMessageContaining("UNIQUE");
      assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM digest"))).isEqualTo(1);
      // the write connection is usable after both failures
      db.write(c -> Sql.update(c, "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-01-04', 's', 'now')"));
      assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM digest"))).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("a write nested in a write joins the outer transaction and rolls back with it")
  void nestedWriteJoins() {
    try (Database db = Database.open(dir.resolve("p.db"))) {
      assertThatThrownBy(() -> db.write(c -> {
        db.write(inner -> Sql.update(inner, "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-01-02', 's', 'now')"));
        throw new IllegalStateException("outer fails after inner succeeded");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM digest"))).isZero();
    }
  }

  @Test
  @DisplayName("read connections cannot write")
  void readIsReadOnly() {
    try (Database db = Database.open(dir.resolve("p.db"))) {
      assertThatThrownBy(() -> db.read(c -> Sql.update(c,
          "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-01-02', 's', 'now')")))
          .isInstanceOf(StoreException.class).hasMessageContaining("readonly");
    }
  }

  @Test
  @DisplayName("a read sees one snapshot: a write committed during the read is invisible to it until the next read")
  void readSnapshot() throws Exception {
    try (Database db = Database.open(dir.resolve("p.db"))) {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        CountDownLatch firstCountDone = new CountDownLatch(1);
        CountDownLatch writeDone = new CountDownLatch(1);
        Future<List<Integer>> counts = pool.submit(() -> db.read(c -> {
          List<Integer> seen = new ArrayList<>();
          seen.add(Sql.count(c, "SELECT count(*) FROM digest"));
          firstCountDone.countDown();
          await(writeDone);
          seen.add(Sql.count(c, "SELECT count(*) FROM digest"));
          return seen;
        }));
        await(firstCountDone);
        db.write(c -> Sql.update(c, "INSERT INTO digest (date, source, ingested_at) VALUES ('2024-01-02', 's', 'now')"));
        writeDone.countDown();
        assertThat(counts.get(30, TimeUnit.SECONDS)).containsExactly(0, 0);
        assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM digest"))).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  @DisplayName("a closed database refuses work with a clear message")
  void closed() {
    Database db = Database.open(dir.resolve("p.db"));
    db.close();
    db.close(); // idempotent
    assertThatThrownBy(() -> db.read(c -> 1)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> db.write(c -> 1)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
  }

  private static String pragma(java.sql.Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<String> tableNames(java.sql.Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
