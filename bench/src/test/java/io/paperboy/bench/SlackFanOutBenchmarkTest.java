package io.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Slack fan-out row on a few channels: every channel gets its post once, no 429 (speed is the bench's to judge). */
@DisplayName("Slack fan-out bench row: a small run posts each channel once through Bolt under the fake's limits")
class SlackFanOutBenchmarkTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("50 channels (or -DslackFanOut): one message each, at most 1 % of answers 429")
  void smallRun() throws Exception {
    // -DslackFanOut=N runs more channels (300 took 31.4 s against a 30 s floor here)
    int channels = Integer.getInteger("slackFanOut", 50);
    SlackFanOutBenchmark.Result r = SlackFanOutBenchmark.run(dir.resolve("s.db"), channels);

    assertThat(r.messages()).isEqualTo(channels);
    assertThat(r.rateLimitedShare()).isLessThanOrEqualTo(0.01);
    System.out.printf("slack fan-out, %d channels: %.2f s against a floor of %.2f s (%.1f %%), %d/%d 429%n",
        channels, r.seconds(), r.floorSeconds(), 100 * r.ofCeiling(), r.rateLimited(), r.requests());
  }
}
