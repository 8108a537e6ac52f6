package io.paperboy.store.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.StoresContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@link OAuthStateStore}: a state works once, before it expires. */
@DisplayName("OAuthStateStore contract: one-time states with expiry")
public abstract class OAuthStateStoreContract extends StoresContract {

  static final Instant T0 = Instant.parse("2024-06-03T00:00:00Z");

  OAuthStateStore states;

  @BeforeEach
  final void openStates() {
    states = fresh().slackOAuthStates();
  }

  @Test
  @DisplayName("an issued state is taken once; unknown, reused and expired states are refused")
  void oneTime() {
    states.issue("s1", T0.plusSeconds(600));
    states.issue("s2", T0.plusSeconds(600));

    assertThat(states.consume("s1", T0.plusSeconds(1))).isTrue();
    assertThat(states.consume("s1", T0.plusSeconds(2))).isFalse();
    assertThat(states.consume("nope", T0)).isFalse();
    assertThat(states.consume("s2", T0.plusSeconds(600))).isFalse();
  }

  @Test
  @DisplayName("two callbacks racing with one state: exactly one wins")
  void race() throws Exception {
    states.issue("race", T0.plusSeconds(600));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Boolean> take = () -> {
          go.await();
          return states.consume("race", T0.plusSeconds(1));
        };
        tries.add(pool.submit(take));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> f : tries) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
