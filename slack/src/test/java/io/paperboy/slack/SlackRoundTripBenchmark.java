package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testkit.slack.SignedRequests;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * p50/p99 of a signed {@code /paper} round trip through real Bolt in HTTP mode (Jetty, signature
 * check, parse, dispatch, render, ack JSON) against the fake Slack. Prints numbers; asserts only
 * that every answer was right. Run with {@code -Dgroups=benchmark -Dbench.excludedGroups=} (the
 * parent pom excludes the tag by default, and an exclusion wins over {@code groups}).
 */
@Tag("benchmark")
@DisplayName("Benchmark: signed slash command round trip through Bolt")
class SlackRoundTripBenchmark {

  private static final int WARM_UP = 300;
  private static final int MEASURED = 1_000;

  @Test
  void roundTrip() throws Exception {
    try (HttpModeFixture slack = HttpModeFixture.start()) {
      for (int i = 0; i < WARM_UP; i++) {
        String body = slack.body("/paper", "2406.04325", "U0MEMBER", "bench"); // a new one each time, or it is a replay
        assertThat(slack.requests.post(slack.events(), body).statusCode()).isEqualTo(200);
      }
      long[] nanos = new long[MEASURED];
      for (int i = 0; i < MEASURED; i++) {
        String body = slack.body("/paper", "2406.04325", "U0MEMBER", "bench");
        long start = System.nanoTime();
        SignedRequests.Answer answer = slack.requests.post(slack.events(), body);
        nanos[i] = System.nanoTime() - start;
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("2406.04325");
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "Slack /paper round trip, %d after %d warm-up: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          MEASURED, WARM_UP, ms(nanos[MEASURED / 2]), ms(nanos[MEASURED * 99 / 100]), ms(nanos[MEASURED - 1]));
      System.out.printf(Locale.ROOT, "Web API calls Bolt made meanwhile: auth.test %d, users.info %d%n",
          slack.fake.calls("auth.test").size(), slack.fake.calls("users.info").size());
      System.out.printf(Locale.ROOT, "machine: %d cores, load average %.2f, %s %s, %s %s%n",
          Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          System.getProperty("java.vm.name"), System.getProperty("java.version"),
          System.getProperty("os.name"), System.getProperty("os.arch"));
    }
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
