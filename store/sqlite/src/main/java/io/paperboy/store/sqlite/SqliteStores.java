package io.paperboy.store.sqlite;

import io.paperboy.store.SchemaCheck;
import io.paperboy.store.StoreHealth;
import io.paperboy.store.Stores;
import io.paperboy.store.Transactions;
import io.paperboy.store.sqlite.alert.SqliteAlertStore;
import io.paperboy.store.sqlite.db.Database;
import io.paperboy.store.sqlite.delivery.SqliteDeliveryReports;
import io.paperboy.store.sqlite.delivery.SqliteOutbox;
import io.paperboy.store.sqlite.delivery.SqliteSubscriptionStore;
import io.paperboy.store.sqlite.papers.SqlitePaperStore;
import io.paperboy.store.sqlite.slack.SqliteOAuthStateStore;
import io.paperboy.store.sqlite.slack.SqliteSlackInstallationStore;
import io.paperboy.store.sqlite.ratelimit.SqliteSharedRateLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite backend: every store port on one database file, which one process owns. The
 * embedded default: {@code SqliteStores.open(Path.of("data/paperboy.db"))} creates and migrates
 * the file as needed.
 */
public final class SqliteStores implements Stores {

  private final Database db;
  private final SqlitePaperStore papers;
  private final SqliteOutbox outbox;
  private final SqliteDeliveryReports reports;
  private final SqliteSubscriptionStore subscriptions;
  private final SqliteAlertStore alerts;
  private final SqliteSlackInstallationStore slackInstallations;
  private final SqliteOAuthStateStore slackOAuthStates;
  private final SqliteSharedRateLimit rateLimits;

  private SqliteStores(Database db, SqlitePaperStore papers) {
    this.db = db;
    this.papers = papers;
    this.outbox = new SqliteOutbox(db);
    this.reports = new SqliteDeliveryReports(db);
    this.subscriptions = new SqliteSubscriptionStore(db);
    this.alerts = new SqliteAlertStore(db);
    this.slackInstallations = new SqliteSlackInstallationStore(db, subscriptions);
    this.slackOAuthStates = new SqliteOAuthStateStore(db);
    this.rateLimits = new SqliteSharedRateLimit(db);
  }

  /**
   * Opens (creating it and its parent folders if needed) and migrates the database at {@code file}.
   *
   * @throws io.paperboy.store.StoreException if the file cannot be opened, is not a SQLite
   *     database, fails to migrate, or was written by a newer Paperboy
   */
  public static SqliteStores open(Path file) {
    return on(Database.open(file));
  }

  /**
   * The stores on an open database, which they then own: closing them closes it. For this
   * adapter's own tests, which also look under the ports.
   */
  public static SqliteStores on(Database db) {
    return new SqliteStores(db, new SqlitePaperStore(db));
  }

  /** The database file. */
  public Path file() {
    return db.file();
  }

  @Override
  public SqlitePaperStore papers() {
    return papers;
  }

  @Override
  public SqliteOutbox outbox() {
    return outbox;
  }

  @Override
  public SqliteDeliveryReports reports() {
    return reports;
  }

  @Override
  public SqliteSubscriptionStore subscriptions() {
    return subscriptions;
  }

  @Override
  public SqliteAlertStore alerts() {
    return alerts;
  }

  /** Rate limits shared by everyone on this database (Discord's bot-wide limit). */
  @Override
  public SqliteSharedRateLimit rateLimits() {
    return rateLimits;
  }

  @Override
  public SqliteSlackInstallationStore slackInstallations() {
    return slackInstallations;
  }

  @Override
  public SqliteOAuthStateStore slackOAuthStates() {
    return slackOAuthStates;
  }

  @Override
  public Transactions transactions() {
    return db.transactions();
  }

  /**
   * Reads Flyway's history now: its newest applied version must be the one opening migrated to
   * (behind: migrations undone or an older copy put back; ahead: a newer build migrated the file).
   */
  @Override
  public StoreHealth health() {
    String where = "sqlite " + db.file();
    try {
      List<String> applied = db.read(c -> {
        List<String> versions = new ArrayList<>();
        try (var st = c.createStatement();
             var rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
          while (rs.next()) {
            versions.add(rs.getString(1));
          }
        }
        return versions;
      });
      return SchemaCheck.compare(where, SchemaCheck.newest(applied), db.schemaVersion());
    } catch (RuntimeException e) {
      return new StoreHealth(false, where + " does not answer: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    db.close();
  }

  @Override
  public String toString() {
    return "SqliteStores[" + db + "]";
  }
}
