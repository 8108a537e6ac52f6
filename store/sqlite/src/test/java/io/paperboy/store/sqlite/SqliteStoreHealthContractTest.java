package io.paperboy.store.sqlite;

import io.paperboy.store.StoreHealthContract;
import io.paperboy.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SQLite passes the store health contract: readiness names the schema versions when they differ")
class SqliteStoreHealthContractTest extends StoreHealthContract {

  @TempDir
  Path dir;
  private int files;
  private final Map<Stores, Path> paths = new IdentityHashMap<>();

  @Override
  protected Stores openEmpty() {
    Path file = dir.resolve("paperboy-" + ++files + ".db");
    Stores stores = SqliteStores.open(file);
    paths.put(stores, file);
    return stores;
  }

  /* A second connection, as another process would have: the stores' own connections stay untouched. */
  private Connection connect(Stores stores) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + paths.get(stores));
  }

  @Override
  protected String forgetNewestMigration(Stores stores) throws SQLException {
    try (Connection c = connect(stores); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM flyway_schema_history WHERE installed_rank = "
          + "(SELECT max(installed_rank) FROM flyway_schema_history WHERE version IS NOT NULL)");
      try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL "
          + "ORDER BY installed_rank DESC LIMIT 1")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Override
  protected void recordMigration(Stores stores, String version) throws SQLException {
    try (Connection c = connect(stores); PreparedStatement p = c.prepareStatement(
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
            + " installed_by, installed_on, execution_time, success)"
            + " VALUES ((SELECT max(installed_rank) + 1 FROM flyway_schema_history), ?, 'newer build', 'SQL',"
            + " 'V' || ? || '__newer_build.sql', 0, 'test', datetime('now'), 0, 1)")) {
      p.setString(1, version);
      p.setString(2, version);
      p.executeUpdate();
    }
  }
}
