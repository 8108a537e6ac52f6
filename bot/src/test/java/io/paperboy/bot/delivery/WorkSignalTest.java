package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.delivery.WorkSignal.Work;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WorkSignal: work raised before anyone takes it is kept; a taker wakes when it is raised")
class WorkSignalTest {

  @Test
  @DisplayName("raised while nothing delivers (a CLI ingest), the work is taken by the first look, once")
  void keptUntilTaken() throws Exception {
    WorkSignal signal = new WorkSignal();
    signal.raise(Work.DIGEST_STORED);
    signal.raise(Work.OUTBOX_ROWS);
    signal.raise(Work.OUTBOX_ROWS);

    assertThat(signal.take(Duration.ZERO)).containsExactlyInAnyOrder(Work.DIGEST_STORED, Work.OUTBOX_ROWS);
    assertThat(signal.take(Duration.ZERO)).isEmpty();
  }

  @Test
  @DisplayName("a taker waiting for work returns as soon as work is raised")
  void wakesTheTaker() throws Exception {
    WorkSignal signal = new WorkSignal();
    CompletableFuture<Set<Work>> taken = CompletableFuture.supplyAsync(() -> {
      try {
        return signal.take(Duration.ofMinutes(1));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    signal.raise(Work.OUTBOX_ROWS);

    // a guard, not a measurement: without the raise this would wait the full minute
    assertThat(taken.get(30, TimeUnit.SECONDS)).containsExactly(Work.OUTBOX_ROWS);
  }
}
