package io.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Slack restart row on a few channels: exactly once, one history read per channel, no 429. */
@DisplayName("Slack restart bench row: interrupted rows found, not reposted, with one read per channel")
class SlackRestartBenchmarkTest {

  @Test
  @DisplayName("3 channels × 10 interrupted rows, half posted: 0 duplicates, 0 missing, 3 reads, no 429")
  void smallRun() throws Exception {
    SlackRestartBenchmark.Result r = SlackRestartBenchmark.run(Integer.getInteger("slackRestart", 3));

    assertThat(r.duplicates()).isZero();
    assertThat(r.missing()).isZero();
    assertThat(r.historyReads()).isEqualTo(r.channels());
    assertThat(r.rateLimited()).isZero();
    System.out.printf("slack restart, %d rows in %d channels: %.2f s, %d history reads%n", r.rows(), r.channels(),
        r.seconds(), r.historyReads());
  }
}
