package io.paperboy.store.sqlite.db;

import io.paperboy.store.StoreException;
import io.paperboy.store.Transactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteDataSource;

/**
 * One open SQLite database file: WAL journal, {@code synchronous=NORMAL}, foreign keys on, a 5 s
 * busy timeout, and the schema migrated by Flyway when opened. The SQLite adapter's stores share
 * one {@code Database} and build on {@link #read}, {@link #readStatement}, {@link #write} and
 * {@link #cached}; {@link Connections} holds the connections and {@link SqliteTransactions}
 * decides what runs where (one writer, pooled readers).
 */
public final class Database implements AutoCloseable {

  private final Path file;
  private final String schemaVersion;
  private final Connections connections;
  private final SqliteTransactions transactions;

  private Database(Path file, String schemaVersion, Connections connections) {
    this.file = file;
    this.schemaVersion = schemaVersion;
    this.connections = connections;
    this.transactions = new SqliteTransactions(connections);
  }

  /**
   * Opens (creating it and its parent folders if needed) and migrates the database at {@code file}.
   *
   * @throws StoreException if the file cannot be opened, is not a SQLite database, fails to migrate,
   *     or was written by a newer schema version than this code knows
   */
  public static Database open(Path file) {
    return open(file, List.of(Migrations.LOCATION));
  }

  /** Opens with other migration locations; tests use it to simulate a newer schema. */
  static Database open(Path file, List<String> migrationLocations) {
    Path absolute = file.toAbsolutePath().normalize();
    SchemaCheck.requireSqliteFile(absolute);
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the folder for database " + absolute + ": " + e, e);
    }
    SQLiteDataSource migrationSource = new SQLiteDataSource(Connections.config());
    migrationSource.setUrl(Connections.url(absolute));
    String version = Migrations.run(absolute, migrationSource, migrationLocations);
    return new Database(absolute, version, Connections.open(absolute));
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The schema version after migration, e.g. {@code "4"}. */
  public String schemaVersion() {
    return schemaVersion;
  }

  /** The unit of work over this file: {@link #write} for callers that must not see a connection. */
  public Transactions transactions() {
    return transactions;
  }

  /**
   * Runs {@code work} in one write transaction on the single write connection and commits it;
   * rolls back and rethrows if {@code work} throws. Only one thread writes at a time; others wait.
   * A {@code write} (or {@link Transactions#inTransaction}) nested in another on the same thread
   * joins the outer transaction. {@code work} must not keep the connection, nor start or end
   * transactions itself.
   *
   * @throws StoreException wrapping any {@link SQLException}, with the file named
   */
  public <T> T write(SqlFunction<Connection, T> work) {
    return transactions.write(work);
  }

  /**
   * Runs {@code work} on a read-only connection inside one read transaction, so every statement it
   * runs sees the same snapshot. Runs alongside writes and other reads (up to a few at a time; more
   * wait for a free connection). Inside a {@link #write} on the same thread it runs on the write
   * connection instead and sees that transaction's writes. Do not nest reads: each takes a
   * connection of its own.
   *
   * @throws StoreException wrapping any {@link SQLException}, with the file named
   */
  public <T> T read(SqlFunction<Connection, T> work) {
    return transactions.read(work);
  }

  /**
   * Like {@link #read}, for work that runs exactly one statement: SQLite gives every statement a
   * consistent snapshot of its own, so no transaction is opened around it. Saves the BEGIN/COMMIT
   * round trips on hot lookups ({@code /paper}).
   */
  public <T> T readStatement(SqlFunction<Connection, T> work) {
    return transactions.readStatement(work);
  }

  /**
   * A prepared statement for {@code sql} on {@code connection} (one given to {@link #read},
   * {@link #readStatement} or {@link #write}), prepared once and reused by later calls on the same
   * connection. Callers close its result sets, never the statement.
   */
  public PreparedStatement cached(Connection connection, String sql) throws SQLException {
    return connections.cached(connection, sql);
  }

  /** Closes every connection; waits for a running write to finish. Reads still running finish first. */
  @Override
  public void close() {
    transactions.close();
  }

  @Override
  public String toString() {
    return "Database[" + file + ", schema " + schemaVersion + "]";
  }
}
