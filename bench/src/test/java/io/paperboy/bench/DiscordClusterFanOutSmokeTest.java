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

/** Checks that the Discord cluster rows work end to end on a few channels — not how fast anything is. */
class DiscordClusterFanOutSmokeTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  @Test
  @DisplayName("three JDA instances on one schema post each channel once, the fake seeing them within the bot's global limit")
  void threeInstances() throws Exception {
    DiscordClusterFanOutBenchmark bench = new DiscordClusterFanOutBenchmark(
        PostgresSettings.parse(pg.paperboyUrl(), Map.of()), true,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    // 120 channels: more than two windows of the global limit, so the instances must share it
    DiscordClusterFanOutBenchmark.Result r = bench.run(120, 3);

    assertThat(r.messages()).as("one message per channel, none doubled").isEqualTo(120);
    assertThat(r.globalLimited()).as("429s for the global limit: the instances together went over 50/s").isZero();
    assertThat(r.requests()).isEqualTo(120 + r.rateLimited());
  }
}
