package io.paperboy.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.health.Readiness.Check;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  @Test
  void readyOnlyWhenEveryCheckIsAndChecksAreAskedEachTime() {
    Readiness readiness = new Readiness();
    AtomicBoolean connected = new AtomicBoolean(false);
    readiness.register("database", () -> Check.ready("database", "sqlite"));
    readiness.register("discord", () -> connected.get()
        ? Check.ready("discord", "2 shards") : Check.notReady("discord", "connecting"));

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.checks()).extracting(Check::name).containsExactly("database", "discord");
    connected.set(true);
    assertThat(readiness.ready()).isTrue();
  }

  @Test
  void aCheckThatThrowsIsNotReadyAndSaysWhy() {
    Readiness readiness = new Readiness();
    readiness.register("slack", () -> {
      throw new IllegalStateException("no token");
    });
    assertThat(readiness.checks()).singleElement().satisfies(c -> {
      assertThat(c.ready()).isFalse();
      assertThat(c.detail()).contains("no token");
    });
  }
}
