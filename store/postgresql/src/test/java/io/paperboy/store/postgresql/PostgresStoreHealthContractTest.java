package io.paperboy.store.postgresql;

import io.paperboy.store.StoreHealthContract;
import io.paperboy.store.Stores;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("PostgreSQL passes the store health contract: readiness names the schema versions when they differ")
class PostgresStoreHealthContractTest extends StoreHealthContract {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();
  @RegisterExtension
  static final FreshSchemas schemas = new FreshSchemas(pg);

  @Override
  protected Stores openEmpty() {
    return schemas.open();
  }

  private static String schema(Stores stores) {
    return ((PostgresStores) stores).settings().schema().orElseThrow();
  }

  @Override
  protected String forgetNewestMigration(Stores stores) throws SQLException {
    String history = schema(stores) + ".flyway_schema_history";
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM " + history + " WHERE installed_rank = "
          + "(SELECT max(installed_rank) FROM " + history + " WHERE version IS NOT NULL)");
      try (ResultSet rs = s.executeQuery("SELECT version FROM " + history + " WHERE version IS NOT NULL "
          + "ORDER BY installed_rank DESC LIMIT 1")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Override
  protected void recordMigration(Stores stores, String version) throws SQLException {
    String history = schema(stores) + ".flyway_schema_history";
    try (Connection c = pg.connect(); PreparedStatement p = c.prepareStatement(
        "INSERT INTO " + history + " (installed_rank, version, description, type, script, checksum,"
            + " installed_by, installed_on, execution_time, success)"
            + " VALUES ((SELECT max(installed_rank) + 1 FROM " + history + "), ?, 'newer build', 'SQL',"
            + " 'V' || ? || '__newer_build.sql', 0, 'test', now(), 0, true)")) {
      p.setString(1, version);
      p.setString(2, version);
      p.executeUpdate();
    }
  }
}
