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

/** Checks that the Slack cluster fan-out row works end to end on a few channels — not how fast anything is. */
class SlackClusterFanOutSmokeTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  @Test
  @DisplayName("two instances on one schema post the day's two Slack messages to each channel once, under the fake's limits")
  void twoInstances() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SlackClusterFanOutBenchmark bench = new SlackClusterFanOutBenchmark(PostgresSettings.parse(pg.paperboyUrl(),
        Map.of()), 20, new PrintStream(log, true, StandardCharsets.UTF_8));
    SlackClusterFanOutBenchmark.Result r = bench.run(2);
    assertThat(r.messages()).as("two messages per channel").isEqualTo(2 * r.channels());
    assertThat(r.uneven()).as("channels holding other than two (doubled or missing)").isZero();
    assertThat(r.rateLimited()).as("paced before sending: nothing refused").isZero();
    assertThat(r.requests()).isEqualTo(r.messages());
  }
}
