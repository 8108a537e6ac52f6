package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.slack.SeenSignatures.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SeenSignatures: replays inside the window are caught, memory stays bounded")
class SeenSignaturesTest {

  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Instant T0 = Instant.parse("2024-06-07T09:00:00Z");
  private final SettableClock clock = new SettableClock(T0);

  @Test
  @DisplayName("the second use of a signature is a replay; another signature is not")
  void replay() {
    SeenSignatures seen = new SeenSignatures(clock, WINDOW, 10);

    assertThat(seen.firstUse("a", T0)).isEqualTo(Outcome.FIRST);
    assertThat(seen.firstUse("a", T0)).isEqualTo(Outcome.REPLAY);
    assertThat(seen.firstUse("b", T0)).isEqualTo(Outcome.FIRST);
  }

  @Test
  @DisplayName("an entry lives until its request's timestamp plus the window, however late it arrived")
  void expiry() {
    SeenSignatures seen = new SeenSignatures(clock, WINDOW, 10);
    Instant future = T0.plus(Duration.ofMinutes(4)); // a clock 4 minutes ahead of ours
    seen.firstUse("early", T0);
    seen.firstUse("ahead", future);

    clock.set(T0.plus(WINDOW)); // "early" is at the edge: a replay now would still be fresh
    assertThat(seen.firstUse("early", T0)).isEqualTo(Outcome.REPLAY);

    clock.set(T0.plus(WINDOW).plusSeconds(1)); // past it: the freshness check refuses it from now on
    assertThat(seen.firstUse("other", clock.instant())).isEqualTo(Outcome.FIRST);
    assertThat(seen.size()).isEqualTo(2); // "early" dropped, "ahead" and "other" kept
    assertThat(seen.firstUse("ahead", future)).isEqualTo(Outcome.REPLAY);
  }

  @Test
  @DisplayName("when full of live signatures, new ones are refused rather than an old one forgotten")
  void full() {
    SeenSignatures seen = new SeenSignatures(clock, WINDOW, 3);
    seen.firstUse("a", T0);
    clock.set(T0.plusSeconds(10));
    seen.firstUse("b", clock.instant());
    seen.firstUse("c", clock.instant());

    assertThat(seen.firstUse("d", clock.instant())).isEqualTo(Outcome.FULL);
    assertThat(seen.firstUse("a", T0)).as("still remembered").isEqualTo(Outcome.REPLAY);

    clock.set(T0.plus(WINDOW).plusSeconds(1)); // "a" expired, "b" and "c" not yet
    assertThat(seen.firstUse("d", clock.instant())).isEqualTo(Outcome.FIRST);
    assertThat(seen.size()).isEqualTo(3);
  }

  @Test
  @DisplayName("a flood of distinct signatures never holds more than the capacity")
  void bounded() {
    SeenSignatures seen = new SeenSignatures(clock, WINDOW, 1_000);
    int first = 0;
    for (int i = 0; i < 100_000; i++) {
      clock.set(T0.plusMillis(i * 10L)); // 100 requests a second for 1,000 seconds
      if (seen.firstUse("sig-" + i, clock.instant()) == Outcome.FIRST) {
        first++;
      }
      assertThat(seen.size()).isLessThanOrEqualTo(1_000);
    }
    // a capacity's worth per window, as the previous ones expire: from 0, 5, 10 and 15 minutes on
    assertThat(first).isEqualTo(4_000);
  }

  @Test
  @DisplayName("a capacity below one is refused")
  void capacity() {
    assertThatThrownBy(() -> new SeenSignatures(clock, WINDOW, 0)).hasMessageContaining("capacity");
  }

  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
