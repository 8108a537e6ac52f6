package io.paperboy.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite database file: WAL journal, {@code synchronous=NORMAL}, foreign keys on, a 5 s busy
 * timeout, and the schema migrated by Flyway when opened.
 *
 * <p>SQLite allows one writer at a time, and a transaction that reads first and writes later
 * cannot wait for the lock (it fails with {@code SQLITE_BUSY}), so every write in the process goes
 * through {@link #write} on a single connection, one transaction at a time, started with
 * {@code BEGIN IMMEDIATE} (which takes the lock up front, waiting for another process if need
 * be). Reads run on a small pool of read-only connections and see a consistent snapshot for the
 * whole {@link #read} call; under WAL they never block the writer nor wait for it.
 *
 * <p>Other stores (subscriptions, outbox, alerts) share one {@code Database} and build on
 * {@code read} and {@code write}.
 */
public final class Database implements AutoCloseable {

  static final int BUSY_TIMEOUT_MILLIS = 5_000;
  private static final int READERS = 4;
  // after a checkpoint the WAL file is cut back to this size instead of keeping its peak size
  private static final int WAL_SIZE_LIMIT_BYTES = 64 << 20;

  private final Path file;
  private final String url;
  private final String schemaVersion;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final Connection writer;
  private final Semaphore readerPermits = new Semaphore(READERS, true);
  private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
  private final Map<Connection, Map<String, PreparedStatement>> statementCache = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private Database(Path file, String url, String schemaVersion, Connection writer) {
    this.file = file;
    this.url = url;
    this.schemaVersion = schemaVersion;
    this.writer = writer;
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
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the folder for database " + absolute + ": " + e, e);
    }
    String url = "jdbc:sqlite:" + absolute;
    SQLiteDataSource migrationSource = new SQLiteDataSource(config());
    migrationSource.setUrl(url);
    String version = Migrations.run(absolute, migrationSource, migrationLocations);
    try {
      Connection writer = config().createConnection(url);
      return new Database(absolute, url, version, writer);
    } catch (SQLException e) {
      throw new StoreException("cannot open database " + absolute + ": " + e.getMessage(), e);
    }
  }

  private static SQLiteConfig config() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
    return config;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The schema version after migration, e.g. {@code "1"}. */
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * Runs {@code work} in one write transaction on the single write connection and commits it;
   * rolls back and rethrows if {@code work} throws. Only one thread writes at a time; others wait.
   * A {@code write} nested in another on the same thread joins the outer transaction.
   * {@code work} must not keep the connection, nor start or end transactions itself.
   *
   * @throws StoreException wrapping any {@link SQLException}, with the file named
   */
  public <T> T write(SqlFunction<Connection, T> work) {
    Objects.requireNonNull(work, "work");
    writeLock.lock();
    try {
      ensureOpen();
      if (writeLock.getHoldCount() > 1) {
        return apply(work, writer, "write");
      }
      execute(writer, "BEGIN IMMEDIATE", "write");
      boolean committed = false;
      try {
        T result = apply(work, writer, "write");
        execute(writer, "COMMIT", "write");
        committed = true;
        return result;
      } finally {
        if (!committed) {
          rollback();
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs {@code work} on a read-only connection inside one read transaction, so every statement it
   * runs sees the same snapshot. Runs alongside writes and other reads (up to a few at a time; more
   * wait for a free connection). Do not nest reads: each takes a connection of its own.
   *
   * @throws StoreException wrapping any {@link SQLException}, with the file named
   */
  public <T> T read(SqlFunction<Connection, T> work) {
    return read(work, true);
  }

  /**
   * Like {@link #read}, for work that runs exactly one statement: SQLite gives every statement a
   * consistent snapshot of its own, so no transaction is opened around it. Saves the BEGIN/COMMIT
   * round trips on hot lookups ({@code /paper}).
   */
  public <T> T readStatement(SqlFunction<Connection, T> work) {
    return read(work, false);
  }

  /**
   * A prepared statement for {@code sql} on {@code connection} (one given to {@link #read} or
   * {@link #readStatement}), prepared once and reused by later calls on the same connection.
   * Callers close its result sets, never the statement.
   */
  public PreparedStatement cached(Connection connection, String sql) throws SQLException {
    Map<String, PreparedStatement> statements = statementCache.computeIfAbsent(connection, k -> new ConcurrentHashMap<>());
    PreparedStatement ps = statements.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  private <T> T read(SqlFunction<Connection, T> work, boolean transaction) {
    Objects.requireNonNull(work, "work");
    ensureOpen();
    readerPermits.acquireUninterruptibly();
    Connection connection = null;
    boolean reusable = false;
    try {
      connection = borrowReader();
      if (!transaction) {
        T result = apply(work, connection, "read");
        reusable = true;
        return result;
      }
      execute(connection, "BEGIN", "read");
      try {
        return apply(work, connection, "read");
      } finally {
        reusable = endRead(connection);
      }
    } finally {
      giveBack(connection, reusable);
      readerPermits.release();
    }
  }

  /** Ends a read transaction; false if the connection is unfit for reuse. */
  private static boolean endRead(Connection connection) {
    try (Statement s = connection.createStatement()) {
      s.execute("COMMIT");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection borrowReader() {
    Connection connection = idleReaders.poll();
    if (connection != null) {
      return connection;
    }
    try {
      Connection fresh = config().createConnection(url);
      try (Statement s = fresh.createStatement()) {
        s.execute("PRAGMA query_only = ON");
      }
      return fresh;
    } catch (SQLException e) {
      throw new StoreException("cannot open a read connection to " + file + ": " + e.getMessage(), e);
    }
  }

  private void giveBack(Connection connection, boolean reusable) {
    if (connection == null) {
      return;
    }
    if (!reusable) {
      statementCache.remove(connection);
    }
    if (reusable && !closed) {
      idleReaders.add(connection);
      // close() may have run between the check and the add
      if (!closed || !idleReaders.remove(connection)) {
        return;
      }
    }
    closeQuietly(connection);
  }

  private <T> T apply(SqlFunction<Connection, T> work, Connection connection, String what) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new StoreException(what + " on database " + file + " failed: " + e.getMessage(), e);
    }
  }

  private void execute(Connection connection, String sql, String what) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new StoreException(what + " on database " + file + " failed at " + sql + ": " + e.getMessage(), e);
    }
  }

  private void rollback() {
    try (Statement s = writer.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may already have rolled back (e.g. after SQLITE_FULL); the original failure matters more
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("database " + file + " is closed");
    }
  }

  /** Closes every connection; waits for a running write to finish. Reads still running finish first. */
  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly(writer);
    } finally {
      writeLock.unlock();
    }
    Connection idle;
    while ((idle = idleReaders.poll()) != null) {
      statementCache.remove(idle);
      closeQuietly(idle);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing useful to do: the connection is gone either way
    }
  }

  @Override
  public String toString() {
    return "Database[" + file + ", schema " + schemaVersion + "]";
  }
}
