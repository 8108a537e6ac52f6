package io.paperboy.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /readyz} of the real composition root on the machine's PostgreSQL, over HTTP: ready on
 * the schema this build migrated (Quartz's tables included), 503 naming the database's and the
 * build's versions once a newer build migrates the shared schema, and again once the history is
 * behind the build.
 */
@DisplayName("/readyz on PostgreSQL: not ready, naming both versions, when the schema is ahead of or behind the build")
class PostgresReadinessTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  private final HttpClient http = HttpClient.newHttpClient();

  private String readyz(OpsServer ops) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + "/readyz"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void aheadThenBehind() throws Exception {
    String history = pg.schema() + ".flyway_schema_history";
    try (Paperboy app = Paperboy.open(PaperboyConfig.defaults().withDatabase(pg.paperboyUrl()), Clock.systemUTC());
         OpsServer ops = app.serveOps("127.0.0.1", 0)) {
      // GIVEN an instance on the schema it migrated
      String ready = readyz(ops);
      Matcher m = Pattern.compile("\\[ok] database: postgresql .*, schema V(\\d+)").matcher(ready);
      assertThat(m.find()).as(ready).isTrue();
      String build = m.group(1);
      assertThat(Integer.parseInt(build)).as("Quartz's V50 is part of this build's schema").isGreaterThanOrEqualTo(50);

      // WHEN a newer build migrates the shared schema under it
      sql("INSERT INTO " + history + " (installed_rank, version, description, type, script, checksum, installed_by,"
          + " installed_on, execution_time, success) SELECT max(installed_rank) + 1, '" + (Integer.parseInt(build) + 1)
          + "', 'newer build', 'SQL', 'V_newer.sql', 0, 'test', now(), 0, true FROM " + history);
      // THEN this instance is not ready, saying both versions
      assertThat(readyz(ops)).startsWith("503 not ready\n").contains("[not ready] database: postgresql ")
          .contains("database schema V" + (Integer.parseInt(build) + 1) + " is ahead of this build's schema V" + build);

      // WHEN the history loses that and its newest own migration (an older backup restored)
      sql("DELETE FROM " + history + " WHERE installed_rank >= (SELECT max(installed_rank) - 1 FROM " + history + ")");
      String left;
      try (Connection c = pg.connect(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT version FROM " + history + " WHERE version IS NOT NULL"
               + " ORDER BY installed_rank DESC LIMIT 1")) {
        rs.next();
        left = rs.getString(1);
      }
      // THEN not ready again, behind this time
      assertThat(readyz(ops)).startsWith("503 not ready\n")
          .contains("database schema V" + left + " is behind this build's schema V" + build);
    }
  }
}
