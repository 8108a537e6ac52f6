package io.paperboy.store.postgresql;

import io.paperboy.store.postgresql.ratelimit.PgSharedRateLimit;
import io.paperboy.store.SchemaCheck;
import io.paperboy.store.StoreHealth;
import io.paperboy.store.Stores;
import io.paperboy.store.Transactions;
import io.paperboy.store.postgresql.alert.PgAlertStore;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.delivery.PgDeliveryReports;
import io.paperboy.store.postgresql.delivery.PgOutbox;
import io.paperboy.store.postgresql.delivery.PgSubscriptionStore;
import io.paperboy.store.postgresql.papers.PgPaperStore;
import io.paperboy.store.postgresql.slack.PgOAuthStateStore;
import io.paperboy.store.postgresql.slack.PgSlackInstallationStore;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The PostgreSQL backend: every store port on one database (or one schema of it) that several
 * instances share. {@code PostgresStores.open(PostgresSettings.parse("postgresql://host:5432/paperboy"))}
 * connects, and creates or migrates the schema as needed; several instances may open the same
 * database at once.
 */
public final class PostgresStores implements Stores {

  private final Database db;
  private final PgPaperStore papers;
  private final PgOutbox outbox;
  private final PgDeliveryReports reports;
  private final PgSubscriptionStore subscriptions;
  private final PgAlertStore alerts;
  private final PgSlackInstallationStore slackInstallations;
  private final PgOAuthStateStore slackOAuthStates;
  private final PgSharedRateLimit rateLimits;

  private PostgresStores(Database db) {
    this.db = db;
    this.papers = new PgPaperStore(db);
    this.outbox = new PgOutbox(db);
    this.reports = new PgDeliveryReports(db);
    this.subscriptions = new PgSubscriptionStore(db);
    this.alerts = new PgAlertStore(db);
    this.slackInstallations = new PgSlackInstallationStore(db, subscriptions);
    this.slackOAuthStates = new PgOAuthStateStore(db);
    this.rateLimits = new PgSharedRateLimit(db);
  }

  /**
   * Connects and migrates.
   *
   * @throws io.paperboy.store.StoreException naming the database (never its password) if it does
   *     not answer, refuses the login, fails to migrate, or was written by a newer Paperboy
   */
  public static PostgresStores open(PostgresSettings settings) {
    return new PostgresStores(Database.open(settings));
  }

  /** {@link #open(PostgresSettings)} of a {@code postgresql://} URL, credentials from it or the environment. */
  public static PostgresStores open(String url) {
    return open(PostgresSettings.parse(url));
  }

  /**
   * The schema version of the database now, without migrating or creating anything: {@code "none"}
   * when no Paperboy has migrated it yet. For read-only commands, which must not create tables
   * wherever a mistyped URL points.
   */
  public static String currentSchemaVersion(PostgresSettings settings) {
    return Database.currentSchemaVersion(settings);
  }

  public PostgresSettings settings() {
    return db.settings();
  }

  /** The schema version after migration, e.g. {@code "5"}. */
  public String schemaVersion() {
    return db.schemaVersion();
  }

  /**
   * The connection pool, for what shares the database beside the stores (Quartz's clustered job
   * store, readiness checks); closing the stores closes it.
   */
  public DataSource dataSource() {
    return db.dataSource();
  }

  /** Writing rows as they were elsewhere, ids included: what {@code paperboy db copy} needs. */
  public PostgresImport importer() {
    return new PostgresImport(db);
  }

  @Override
  public PgSlackInstallationStore slackInstallations() {
    return slackInstallations;
  }

  @Override
  public PgOAuthStateStore slackOAuthStates() {
    return slackOAuthStates;
  }

  @Override
  public PgPaperStore papers() {
    return papers;
  }

  @Override
  public PgOutbox outbox() {
    return outbox;
  }

  @Override
  public PgDeliveryReports reports() {
    return reports;
  }

  @Override
  public PgSubscriptionStore subscriptions() {
    return subscriptions;
  }

  @Override
  public PgAlertStore alerts() {
    return alerts;
  }

  @Override
  public Transactions transactions() {
    return db.transactions();
  }

  /** Shared by every instance on this database: Discord's bot-wide limit holds for all of them together. */
  @Override
  public PgSharedRateLimit rateLimits() {
    return rateLimits;
  }

  /**
   * Reads Flyway's history in this schema now: its newest applied version must be the one opening
   * migrated to. On a shared database this is what turns an old instance not ready once a newer
   * build has migrated the schema under it (and every instance not ready when the history was
   * rolled back), instead of writing rows the schema no longer means.
   */
  @Override
  public StoreHealth health() {
    String where = "postgresql " + db.settings().display();
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
      return new StoreHealth(false, where + " does not answer: " + db.settings().redact(String.valueOf(e.getMessage())));
    }
  }

  @Override
  public void close() {
    db.close();
  }

  @Override
  public String toString() {
    return "PostgresStores[" + db + "]";
  }
}
