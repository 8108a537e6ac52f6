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
 * Contract of {@link SharedRateLimit}: slots are {@code 1/perSecond} apart, each handed out once
 * across every user of the store (two handles on one database stand for two instances), never in
 * the past, and limits of different keys are independent.
 */
@DisplayName("SharedRateLimit contract: one slot per caller, shared by every instance on the store")
public abstract class SharedRateLimitContract {

  private static final Instant NOW = Instant.parse("2024-06-07T00:00:00Z");

  /** A limit on a fresh, empty store. */
  protected abstract SharedRateLimit openEmpty();

  /**
   * A second handle on the store the last {@link #openEmpty()} opened, as another instance would
   * hold; the same object where the backend has no such notion.
   */
  protected abstract SharedRateLimit sameStore();

  @Test
  @DisplayName("slots follow each other 1/perSecond apart, the first one now")
  void consecutive() {
    SharedRateLimit limit = openEmpty();
    assertThat(limit.take("k", 50, NOW)).isEqualTo(NOW);
    assertThat(limit.take("k", 50, NOW)).isEqualTo(NOW.plusMillis(20));
    assertThat(limit.take("k", 50, NOW.plusMillis(5))).isEqualTo(NOW.plusMillis(40));
  }

  @Test
  @DisplayName("an idle limit does not bank slots: after a pause the next slot is now")
  void noBurstAfterIdle() {
    SharedRateLimit limit = openEmpty();
    limit.take("k", 10, NOW);
    Instant later = NOW.plusSeconds(30);
    assertThat(limit.take("k", 10, later)).isEqualTo(later);
    assertThat(limit.take("k", 10, later)).isEqualTo(later.plusMillis(100));
  }

  @Test
  @DisplayName("keys are separate limits")
  void keysIndependent() {
    SharedRateLimit limit = openEmpty();
    limit.take("a", 1, NOW);
    assertThat(limit.take("b", 1, NOW)).isEqualTo(NOW);
    assertThat(limit.take("a", 1, NOW)).isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  @DisplayName("two instances on one store share the slots: 400 takes from 8 threads get 400 distinct slots, none early")
  void sharedAcrossInstancesAndThreads() throws Exception {
    SharedRateLimit first = openEmpty();
    SharedRateLimit second = sameStore();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Instant>> taken = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        SharedRateLimit limit = i % 2 == 0 ? first : second;
        taken.add(pool.submit(() -> limit.take("discord:global", 50, NOW)));
      }
      List<Instant> slots = new ArrayList<>();
      for (Future<Instant> f : taken) {
        slots.add(f.get());
      }
      Collections.sort(slots);
      assertThat(slots).doesNotHaveDuplicates();
      assertThat(slots.get(0)).isEqualTo(NOW);
      for (int i = 1; i < slots.size(); i++) {
        assertThat(Duration.between(slots.get(i - 1), slots.get(i))).isEqualTo(Duration.ofMillis(20));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("a rate below 1 per second is refused, naming the rate")
  void badRate() {
    SharedRateLimit limit = openEmpty();
    assertThatThrownBy(() -> limit.take("k", 0, NOW)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }
}
