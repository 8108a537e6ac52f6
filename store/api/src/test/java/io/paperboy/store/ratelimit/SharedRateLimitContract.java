package io.paperboy.store.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link SharedRateLimit}: at most {@code limit} slots in any window, each handed out
 * once across every user of the store (two handles on one database stand for two instances), in
 * order, never in the past; limits of different keys are independent.
 */
@DisplayName("SharedRateLimit contract: at most N slots per window, one per caller, shared by every instance on the store")
public abstract class SharedRateLimitContract {

  private static final Instant NOW = Instant.parse("2024-06-07T00:00:00Z");
  private static final Duration SECOND = Duration.ofSeconds(1);

  /** A limit on a fresh, empty store. */
  protected abstract SharedRateLimit openEmpty();

  /**
   * A second handle on the store the last {@link #openEmpty()} opened, as another instance would
   * hold; the same object where the backend has no such notion.
   */
  protected abstract SharedRateLimit sameStore();

  @Test
  @DisplayName("3 per second: three slots now, the fourth a second after the first, the fifth a second after the second")
  void slidingWindow() {
    SharedRateLimit limit = openEmpty();
    assertThat(limit.take("k", 3, SECOND, NOW)).isEqualTo(NOW);
    assertThat(limit.take("k", 3, SECOND, NOW.plusMillis(100))).isEqualTo(NOW.plusMillis(100));
    assertThat(limit.take("k", 3, SECOND, NOW.plusMillis(200))).isEqualTo(NOW.plusMillis(200));
    assertThat(limit.take("k", 3, SECOND, NOW.plusMillis(300))).isEqualTo(NOW.plusSeconds(1));
    assertThat(limit.take("k", 3, SECOND, NOW.plusMillis(300))).isEqualTo(NOW.plusMillis(1100));
  }

  @Test
  @DisplayName("an idle limit banks no more than one window: after a pause, limit slots now, then the window again")
  void noBurstBeyondTheWindow() {
    SharedRateLimit limit = openEmpty();
    limit.take("k", 2, SECOND, NOW);
    Instant later = NOW.plusSeconds(30);
    assertThat(limit.take("k", 2, SECOND, later)).isEqualTo(later);
    assertThat(limit.take("k", 2, SECOND, later)).isEqualTo(later);
    assertThat(limit.take("k", 2, SECOND, later)).isEqualTo(later.plusSeconds(1));
  }

  @Test
  @DisplayName("keys are separate limits")
  void keysIndependent() {
    SharedRateLimit limit = openEmpty();
    limit.take("a", 1, SECOND, NOW);
    assertThat(limit.take("b", 1, SECOND, NOW)).isEqualTo(NOW);
    assertThat(limit.take("a", 1, SECOND, NOW)).isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  @DisplayName("two instances on one store share the slots: 400 takes of 50/s from 8 threads, no window holds more than 50")
  void sharedAcrossInstancesAndThreads() throws Exception {
    SharedRateLimit first = openEmpty();
    SharedRateLimit second = sameStore();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Instant>> taken = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        SharedRateLimit limit = i % 2 == 0 ? first : second;
        taken.add(pool.submit(() -> limit.take("discord:global", 50, SECOND, NOW)));
      }
      List<Instant> slots = new ArrayList<>();
      for (Future<Instant> f : taken) {
        slots.add(f.get());
      }
      Collections.sort(slots);
      assertThat(slots.get(0)).isEqualTo(NOW);
      for (int i = 50; i < slots.size(); i++) {
        assertThat(Duration.between(slots.get(i - 50), slots.get(i))).as("slots " + (i - 50) + " and " + i)
            .isGreaterThanOrEqualTo(SECOND);
      }
      assertThat(slots.get(399)).as("and no slower than the limit allows").isEqualTo(NOW.plusSeconds(7));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("a hold (Retry-After) moves the key's next slot past it for every instance, takes no slot, never moves one back")
  void holdMovesTheNextSlot() {
    SharedRateLimit first = openEmpty();
    SharedRateLimit second = sameStore();
    assertThat(first.take("k", 1, SECOND, NOW)).isEqualTo(NOW);
    first.holdUntil("k", NOW.plusSeconds(30));
    assertThat(second.take("k", 1, SECOND, NOW.plusMillis(1))).isEqualTo(NOW.plusSeconds(30));
    assertThat(first.take("k", 1, SECOND, NOW.plusMillis(2))).isEqualTo(NOW.plusSeconds(31));
    second.holdUntil("k", NOW.plusSeconds(5));
    assertThat(first.take("k", 1, SECOND, NOW.plusMillis(3))).isEqualTo(NOW.plusSeconds(32));
    // a key nobody took yet can be held too; other keys are not
    second.holdUntil("fresh", NOW.plusSeconds(9));
    assertThat(first.take("fresh", 3, SECOND, NOW)).isEqualTo(NOW.plusSeconds(9));
    assertThat(first.take("other", 1, SECOND, NOW)).isEqualTo(NOW);
  }

  @Test
  @DisplayName("a limit below 1 or a window that is not positive is refused, saying which")
  void badArguments() {
    SharedRateLimit limit = openEmpty();
    assertThatThrownBy(() -> limit.take("k", 0, SECOND, NOW)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> limit.take("k", 5, Duration.ZERO, NOW)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window");
  }
}
