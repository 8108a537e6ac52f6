package io.paperboy.scheduler.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2024-06-07T09:00:00Z");

  @Test
  @DisplayName("seconds and HTTP dates are read; past dates mean now; garbage and absence mean nothing")
  void parses() {
    assertThat(RetryAfter.parse(Optional.of("120"), NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(Optional.of(" 0 "), NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(Optional.of("Fri, 07 Jun 2024 09:05:00 GMT"), NOW)).contains(Duration.ofMinutes(5));
    assertThat(RetryAfter.parse(Optional.of("Fri, 07 Jun 2024 08:00:00 GMT"), NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(Optional.of("soon"), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of("-5"), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
  }
}
