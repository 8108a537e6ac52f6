package io.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.postgresql.PostgresSettings;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks that {@code bench --db postgresql://…} works end to end on a tiny corpus — not how fast anything is. */
class PostgresBenchSmokeTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  @Test
  @DisplayName("a quick PostgreSQL run fills the ingest, /paper, /top, /search and /similar rows with their baselines, and leaves no schema behind")
  void quickRun() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PostgresBenchmarks bench = new PostgresBenchmarks(PostgresSettings.parse(pg.paperboyUrl(), Map.of()), 300, true,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    BenchReport report = bench.run();

    assertThat(report.rows()).extracting(BenchReport.Row::name)
        .anyMatch(n -> n.startsWith("PostgreSQL ingest")).anyMatch(n -> n.startsWith("PostgreSQL /paper p50"))
        .anyMatch(n -> n.startsWith("PostgreSQL /top")).anyMatch(n -> n.startsWith("PostgreSQL /search Korean"))
        .anyMatch(n -> n.startsWith("PostgreSQL /search English"))
        .anyMatch(n -> n.startsWith("/similar p50 / p99 at 300 papers")).anyMatch(n -> n.startsWith("/similar scoring"));
    assertThat(report.rows()).allMatch(r -> !r.value().isBlank());
    assertThat(report.rows().stream().filter(r -> r.name().startsWith("PostgreSQL ingest")).findFirst().orElseThrow()
        .baseline()).contains("entries/s");
    try (var c = pg.connect(); var s = c.createStatement();
         var rs = s.executeQuery("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE '"
             + bench.schemaPrefix() + "%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("bench schemas left behind").isZero();
    }
  }
}
