package io.paperboy.store.postgresql;

import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Empty, migrated stores on a schema of their own, as many per test class as its tests ask for:
 * the contract suites want a fresh database per {@code openEmpty()}, and PostgresTestDatabase
 * gives each class one schema. The extra schemas are named after it and dropped after the class.
 * Register after the PostgresTestDatabase field, so its schema exists first and is dropped last.
 */
final class FreshSchemas implements AfterAllCallback {

  private final PostgresTestDatabase pg;
  private final List<String> created = new ArrayList<>();

  FreshSchemas(PostgresTestDatabase pg) {
    this.pg = pg;
  }

  /** Settings of a new, empty schema; its tables are created by whoever opens it first. */
  PostgresSettings freshSettings() {
    String name = pg.schema() + "_" + (created.size() + 1);
    created.add(name);
    return PostgresSettings.parse(pg.paperboyUrl(), java.util.Map.of()).withSchema(name);
  }

  PostgresStores open() {
    return PostgresStores.open(freshSettings());
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (created.isEmpty()) {
      return;
    }
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      for (String schema : created) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } finally {
      created.clear();
    }
  }
}
