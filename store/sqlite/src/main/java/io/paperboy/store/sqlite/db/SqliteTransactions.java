package io.paperboy.store.sqlite.db;

import io.paperboy.store.StoreException;
import io.paperboy.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Where and in which transaction SQLite work runs, on the {@link Connections} of one file.
 *
 * <p>SQLite allows one writer at a time, and a transaction that reads first and writes later
 * cannot wait for the lock (it fails with {@code SQLITE_BUSY}), so every write in the process
 * runs on the single write connection, one transaction at a time, started with
 * {@code BEGIN IMMEDIATE} (which takes the lock up front, waiting for another process if need
 * be). A write nested in another on the same thread joins it, which is how
 * {@link #inTransaction} groups store calls. Reads run on a read-only connection of the pool in
 * one read transaction (one snapshot) and under WAL never block the writer nor wait for it —
 * except inside a write transaction, where they run on the writer so that they see its writes.
 */
final class SqliteTransactions implements Transactions {

  private final Connections connections;
  private final ReentrantLock writeLock = new ReentrantLock(true);

  SqliteTransactions(Connections connections) {
    this.connections = connections;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    return write(c -> work.get());
  }

  /** See {@link Database#write}. */
  <T> T write(SqlFunction<Connection, T> work) {
    Objects.requireNonNull(work, "work");
    writeLock.lock();
    try {
      connections.ensureOpen();
      Connection writer = connections.writer();
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
          rollback(writer);
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** See {@link Database#read}. */
  <T> T read(SqlFunction<Connection, T> work) {
    return read(work, true);
  }

  /** See {@link Database#readStatement}. */
  <T> T readStatement(SqlFunction<Connection, T> work) {
    return read(work, false);
  }

  private <T> T read(SqlFunction<Connection, T> work, boolean transaction) {
    Objects.requireNonNull(work, "work");
    if (writeLock.isHeldByCurrentThread()) {
      // inside a write transaction: read its own writes, in its snapshot
      connections.ensureOpen();
      return apply(work, connections.writer(), "read");
    }
    Connection connection = connections.borrowReader();
    boolean reusable = false;
    try {
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
      connections.giveBack(connection, reusable);
    }
  }

  /** Closes the connections once no write runs any more; reads still running finish first. */
  void close() {
    writeLock.lock();
    try {
      connections.close();
    } finally {
      writeLock.unlock();
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

  private <T> T apply(SqlFunction<Connection, T> work, Connection connection, String what) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new StoreException(what + " on database " + connections.file() + " failed: " + e.getMessage(), e);
    }
  }

  private void execute(Connection connection, String sql, String what) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new StoreException(what + " on database " + connections.file() + " failed at " + sql + ": "
          + e.getMessage(), e);
    }
  }

  private static void rollback(Connection writer) {
    try (Statement s = writer.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may already have rolled back (e.g. after SQLITE_FULL); the original failure matters more
    }
  }
}
