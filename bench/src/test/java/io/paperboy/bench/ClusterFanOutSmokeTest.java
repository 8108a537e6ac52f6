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

/** Checks that the cluster fan-out rows work end to end on a few channels — not how fast anything is. */
class ClusterFanOutSmokeTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  @Test
  @DisplayName("two instances on one schema deliver a quick fan-out once per channel and drop their schema")
  void twoInstances() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ClusterFanOutBenchmark bench = new ClusterFanOutBenchmark(PostgresSettings.parse(pg.paperboyUrl(), Map.of()), true,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    ClusterFanOutBenchmark.Result r = bench.run(2);
    assertThat(r.messages()).as("one message per channel, none doubled").isEqualTo(r.channels());
    assertThat(r.seconds()).isPositive();
    assertThat(r.schema()).startsWith("pb_bench_cluster_");
    try (var c = pg.connect(); var s = c.createStatement();
         var rs = s.executeQuery("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + r.schema() + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("bench schemas left behind").isZero();
    }
  }
}
