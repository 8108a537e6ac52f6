package io.paperboy.store.postgresql.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.paperboy.store.StoreException;
import io.paperboy.store.Transactions;
import io.paperboy.store.postgresql.PostgresSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One PostgreSQL database (or schema of one) as this backend's stores use it: a HikariCP pool,
 * the schema migrated by Flyway when opened, and the units of work the stores run in.
 *
 * <p>Unlike SQLite there is no single writer: every {@link #write} takes a pooled connection of
 * its own and runs in one READ COMMITTED transaction, so writers of several threads and several
 * instances run side by side and meet only on row locks ({@code FOR UPDATE SKIP LOCKED} in the
 * outbox, unique keys on enqueue). A {@link #read} runs in one REPEATABLE READ, READ ONLY
 * transaction, so all its statements see one snapshot. A write, a read or a
 * {@link Transactions#inTransaction} on a thread that is already inside a write joins it, on
 * its connection, and sees its writes.
 */
public final class Database implements AutoCloseable {

  /** Connections per instance unless the URL says otherwise ({@code ?poolSize=n}). */
  public static final int DEFAULT_POOL_SIZE = 8;
  static final int DEADLOCK_RETRIES = 3;

  private final PostgresSettings settings;
  private final HikariDataSource pool;
  private final String schemaVersion;
  private final ThreadLocal<Connection> inWrite = new ThreadLocal<>();
  private final Transactions transactions = new Transactions() {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
      Objects.requireNonNull(work, "work");
      return write(c -> work.get());
    }
  };
  private volatile boolean closed;

  private Database(PostgresSettings settings, HikariDataSource pool, String schemaVersion) {
    this.settings = settings;
    this.pool = pool;
    this.schemaVersion = schemaVersion;
  }

  /**
   * Connects, and migrates the schema to this code's newest version (creating the schema named
   * by {@code currentSchema} when it does not exist yet).
   *
   * @throws StoreException naming the database (never its password) when the server does not
   *     answer, refuses the credentials, the migration fails, or the schema is newer than this code
   */
  public static Database open(PostgresSettings settings) {
    HikariDataSource pool = pool(settings);
    try {
      String version = Migrations.run(settings, pool);
      return new Database(settings, pool, version);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The schema version now, without migrating: {@code "none"} for a schema no Paperboy has migrated. */
  public static String currentSchemaVersion(PostgresSettings settings) {
    try (HikariDataSource pool = pool(settings)) {
      return Migrations.current(settings, pool);
    }
  }

  static HikariDataSource pool(PostgresSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    settings.user().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    int size = DEFAULT_POOL_SIZE;
    String wanted = settings.options().get("poolSize");
    if (wanted != null) {
      try {
        size = Integer.parseInt(wanted);
      } catch (NumberFormatException e) {
        throw new StoreException("poolSize=" + wanted + " in database URL " + settings.display() + " is not a number");
      }
    }
    config.setMaximumPoolSize(Math.max(2, size));
    config.setMinimumIdle(1);
    config.setPoolName("paperboy-" + settings.database() + settings.schema().map(s -> "-" + s).orElse(""));
    config.setConnectionTimeout(10_000);
    config.addDataSourceProperty("connectTimeout", "10");
    config.addDataSourceProperty("ApplicationName", "paperboy");
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StoreException("cannot connect to database " + settings.display() + ": "
          + settings.redact(cause.getMessage()), e);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to database " + settings.display() + ": "
          + settings.redact(e.getMessage()), e);
    }
  }

  public PostgresSettings settings() {
    return settings;
  }

  /** The schema version after migration, e.g. {@code "5"}. */
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * The pool, for what must share the database without the stores: Quartz's clustered job store,
   * the readiness check. Callers return every connection they take; closing the stores closes it.
   */
  public DataSource dataSource() {
    return pool;
  }

  public Transactions transactions() {
    return transactions;
  }

  /**
   * Runs {@code work} in one write transaction and commits it; rolls back and rethrows (unchanged,
   * unless it is an {@link SQLException}, which becomes a {@link StoreException}) if it throws.
   * Joins the write already running on this thread.
   */
  public <T> T write(SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    Connection joined = inWrite.get();
    if (joined != null) {
      return apply(work, joined, "write");
    }
    try (Connection c = borrow()) {
      begin(c, "write", null);
      inWrite.set(c);
      boolean committed = false;
      try {
        T result = apply(work, c, "write");
        c.commit();
        committed = true;
        return result;
      } catch (SQLException e) {
        throw failure("commit", e);
      } finally {
        inWrite.remove();
        if (!committed) {
          rollback(c);
        }
        reset(c);
      }
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  /**
   * {@link #write} for idempotent work that may deadlock with another instance doing the same
   * (PostgreSQL aborts one of them, SQLSTATE 40P01): runs it again, up to {@value #DEADLOCK_RETRIES}
   * times. Inside another write nothing is retried, since the outer work would be lost.
   */
  public <T> T writeRetryingDeadlocks(SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write(work);
      } catch (StoreException e) {
        boolean deadlock = e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState());
        if (!deadlock || inWrite.get() != null || attempt >= DEADLOCK_RETRIES) {
          throw e;
        }
      }
    }
  }

  /** Runs {@code work} in one read-only snapshot; inside a write on this thread, on its connection. */
  public <T> T read(SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    Connection joined = inWrite.get();
    if (joined != null) {
      return apply(work, joined, "read");
    }
    try (Connection c = borrow()) {
      begin(c, "read", "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      try {
        return apply(work, c, "read");
      } finally {
        rollback(c); // nothing to keep: ending a read-only transaction either way
        reset(c);
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** Like {@link #read} for work of exactly one statement, which has a snapshot of its own: no transaction around it. */
  public <T> T readStatement(SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    Connection joined = inWrite.get();
    if (joined != null) {
      return apply(work, joined, "read");
    }
    try (Connection c = borrow()) {
      return apply(work, c, "read");
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  private Connection borrow() {
    if (closed) {
      throw new StoreException("database " + settings.display() + " is closed");
    }
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw failure("connect", e);
    }
  }

  private void begin(Connection c, String what, String setTransaction) {
    try {
      c.setAutoCommit(false);
      if (setTransaction != null) {
        try (Statement s = c.createStatement()) {
          s.execute(setTransaction);
        }
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private <T> T apply(SqlWork<T> work, Connection c, String what) {
    try {
      return work.apply(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private StoreException failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]";
    return new StoreException(what + " on database " + settings.display() + " failed" + state + ": "
        + settings.redact(e.getMessage()), e);
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // the connection is broken: the pool discards it, and the original failure matters more
    }
  }

  private static void reset(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      // as above
    }
  }

  /** Closes the pool; later calls fail with a {@link StoreException}. Closing twice is harmless. */
  @Override
  public void close() {
    closed = true;
    pool.close();
  }

  @Override
  public String toString() {
    return "Database[" + settings.display() + ", schema " + schemaVersion + "]";
  }
}
