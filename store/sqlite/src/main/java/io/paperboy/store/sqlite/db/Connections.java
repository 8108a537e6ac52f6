package io.paperboy.store.sqlite.db;

import io.paperboy.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one SQLite file: the single write connection, a small pool of read-only
 * ones, and the prepared statements cached per connection. Knows nothing of transactions
 * ({@link SqliteTransactions} decides what runs where).
 *
 * <p>Why a hand-made pool: SQLite allows one writer, so the writer is one connection for the
 * process, and readers are cheap to open but not free (each parses the schema); four of them
 * under WAL never wait for the writer nor block it. A general-purpose pool would add a proxy on
 * every call of the hot {@code /paper} lookup for nothing.
 */
final class Connections implements AutoCloseable {

  static final int BUSY_TIMEOUT_MILLIS = 5_000;
  private static final int READERS = 4;
  // after a checkpoint the WAL file is cut back to this size instead of keeping its peak size
  private static final int WAL_SIZE_LIMIT_BYTES = 64 << 20;

  private final Path file;
  private final String url;
  private final Connection writer;
  private final Semaphore readerPermits = new Semaphore(READERS, true);
  private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
  private final Map<Connection, Map<String, PreparedStatement>> statementCache = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private Connections(Path file, String url, Connection writer) {
    this.file = file;
    this.url = url;
    this.writer = writer;
  }

  /** Opens the write connection to {@code file}; readers open when first needed. */
  static Connections open(Path file) {
    String url = url(file);
    try {
      return new Connections(file, url, config().createConnection(url));
    } catch (SQLException e) {
      throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  static String url(Path file) {
    return "jdbc:sqlite:" + file;
  }

  /** WAL, {@code synchronous=NORMAL}, foreign keys on, the busy timeout, the WAL size limit. */
  static SQLiteConfig config() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
    return config;
  }

  Path file() {
    return file;
  }

  /** The one write connection; only the holder of the write lock may use it. */
  Connection writer() {
    return writer;
  }

  /**
   * A read-only connection of the pool, waiting while all are lent out. Give it back with
   * {@link #giveBack}, whatever happens.
   */
  Connection borrowReader() {
    ensureOpen();
    readerPermits.acquireUninterruptibly();
    try {
      Connection idle = idleReaders.poll();
      return idle != null ? idle : openReader();
    } catch (RuntimeException e) {
      readerPermits.release();
      throw e;
    }
  }

  private Connection openReader() {
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

  /** Returns a borrowed reader to the pool, or closes it when it is unfit for reuse ({@code reusable} false). */
  void giveBack(Connection connection, boolean reusable) {
    try {
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
      statementCache.remove(connection);
      closeQuietly(connection);
    } finally {
      readerPermits.release();
    }
  }

  /**
   * A prepared statement for {@code sql} on {@code connection} (the writer or a borrowed reader),
   * prepared once and reused by later calls on the same connection. Callers close its result
   * sets, never the statement.
   */
  PreparedStatement cached(Connection connection, String sql) throws SQLException {
    Map<String, PreparedStatement> statements = statementCache.get(connection);
    if (statements == null) {
      statements = statementCache.computeIfAbsent(connection, k -> new ConcurrentHashMap<>());
    }
    PreparedStatement ps = statements.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  void ensureOpen() {
    if (closed) {
      throw new StoreException("database " + file + " is closed");
    }
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Closes the writer and the idle readers; readers still lent out close when given back. The
   * caller makes sure no write is running (it holds the write lock).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    statementCache.remove(writer);
    closeQuietly(writer);
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
}
