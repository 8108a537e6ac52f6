package io.paperboy.store.sqlite.db;

import io.paperboy.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * Tells, before Flyway is loaded, whether a database file is already at the newest bundled schema.
 *
 * <p>Why: Flyway's {@code info()} and {@code migrate()} scan the whole classpath for migrations,
 * which in the shaded jar costs about half a second on every start, even when there is nothing to
 * do. The bundled migrations are known at build time: the build writes their names to
 * {@value #INDEX} (maven-antrun-plugin in this module's pom), and a file whose schema history ends
 * at the newest of them, every step successful, is current. Anything else (no history yet, an
 * older schema, a failed step, a newer schema) goes to Flyway as before, which migrates, repairs
 * nothing silently and refuses a newer schema. It reads only; it never writes the file.
 */
final class SchemaCheck {

  /** Generated at build time: one bundled migration file name a line, e.g. {@code V5__paper_first_seen.sql}. */
  static final String INDEX = "migrations.index";
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SchemaCheck() {}

  /**
   * Refuses a file that is not a SQLite database before any driver opens it, with one line that
   * a person can act on (the driver's own words are "[SQLITE_NOTADB] File opened that is not a
   * database file"). An empty file is a new database, as SQLite itself treats it.
   */
  static void requireSqliteFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    byte[] head = new byte[SQLITE_HEADER.length];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new StoreException("cannot read database " + file + ": " + e.getMessage(), e);
    }
    if (read > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
      throw new StoreException(file + " is not a Paperboy/SQLite database (it does not begin with SQLite's "
          + "file header); nothing was changed");
    }
  }

  /** The newest bundled schema version, e.g. {@code "5"}, from the generated index. */
  static String newestBundled() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw new IllegalStateException(INDEX + " is missing beside " + SchemaCheck.class.getName()
            + ": the build writes it (maven-antrun-plugin in store/sqlite/pom.xml)");
      }
      List<String> names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(line -> !line.isEmpty()).toList();
      return names.stream().map(SchemaCheck::version).flatMap(Optional::stream)
          .max(SchemaCheck::compareVersions)
          .orElseThrow(() -> new IllegalStateException(INDEX + " lists no V<n>__<what>.sql migration"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + INDEX, e);
    }
  }

  /**
   * The schema version of the file if it is exactly the newest bundled one with no failed step;
   * empty when Flyway has work to do (or a refusal to make).
   *
   * @throws StoreException if the file is a SQLite database with tables but no Paperboy history:
   *     another program's database, which Flyway would only answer with "use baseline()"
   */
  static Optional<String> currentVersion(Path file) {
    String newest = newestBundled();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    // read-only and without the adapter's settings: setting WAL would already write the header
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection c = readOnly.createConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      List<String> tables = strings(s, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
      if (!tables.contains("flyway_schema_history")) {
        if (!tables.isEmpty()) {
          throw new StoreException(file + " is not a Paperboy/SQLite database: it holds tables ("
              + String.join(", ", tables.subList(0, Math.min(5, tables.size()))) + (tables.size() > 5 ? ", …" : "")
              + ") but no Paperboy schema history; nothing was changed");
        }
        return Optional.empty();
      }
      if (!strings(s, "SELECT version FROM flyway_schema_history WHERE success = 0").isEmpty()) {
        return Optional.empty();
      }
      Optional<String> stored = strings(s, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")
          .stream().max(SchemaCheck::compareVersions);
      return stored.filter(v -> compareVersions(v, newest) == 0);
    } catch (SQLException e) {
      // Flyway, which runs next, reports the failure with its context
      return Optional.empty();
    }
  }

  private static Optional<String> version(String fileName) {
    Matcher m = VERSIONED.matcher(fileName);
    return m.matches() ? Optional.of(m.group(1).replace('_', '.')) : Optional.empty();
  }

  /** Flyway's order: numeric parts left to right, a missing part counting as 0 ({@code 1 == 1.0}). */
  static int compareVersions(String a, String b) {
    String[] x = a.split("[._]");
    String[] y = b.split("[._]");
    Comparator<String> numeric = Comparator.comparing(java.math.BigInteger::new);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = numeric.compare(i < x.length ? x[i] : "0", i < y.length ? y[i] : "0");
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> values = new java.util.ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
