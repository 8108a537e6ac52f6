package io.paperboy.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTestDatabaseTest {

  @RegisterExtension static final PostgresTestDatabase pg = new PostgresTestDatabase();

  @Test
  void tablesLandInTheClassesOwnSchema() throws Exception {
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE probe (id int)");
      try (ResultSet rs = s.executeQuery(
          "SELECT table_schema FROM information_schema.tables WHERE table_name = 'probe'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(pg.schema());
      }
    }
    assertThat(pg.paperboyUrl()).startsWith("postgresql://").endsWith("currentSchema=" + pg.schema());
  }
}
