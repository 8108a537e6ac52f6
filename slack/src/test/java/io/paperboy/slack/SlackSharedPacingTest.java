package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.store.ratelimit.SharedRateLimit;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two pacers, as two instances would hold them, on one {@link SharedRateLimit}: the real
 * PostgreSQL one (each pacer on its own connection pool, as each instance has) and the in-process
 * one. What is checked are the slots the pacers hand out, not how long anything took: a slot is
 * the instant a call is let go, so two slots of one channel closer than the interval would be two
 * posts closer than Slack allows.
 */
@DisplayName("Slack pacing shared by instances: one channel never gets two slots closer than the interval, Retry-After holds everyone")
class SlackSharedPacingTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  /** Scaled down from Slack's one second so the test takes seconds; the rule is the same. */
  private static final Duration POST = Duration.ofMillis(40);
  private static final Duration HISTORY = Duration.ofMillis(30);
  private static final Map<String, Duration> FAST = Map.of("chat.postMessage", POST, "conversations.history", HISTORY);

  /** Where the standing clocks stand: keys of their own, so real-time slots of other tests do not meet them. */
  private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

  private static SlackPacer pacer(SharedRateLimit slots) {
    return new SlackPacer(slots, FAST, Clock.systemUTC());
  }

  @Test
  @DisplayName("PostgreSQL: two instances posting to the same channels from 8 threads never get one channel two slots under 1 interval apart")
  void postsOnPostgres() throws Exception {
    try (PostgresStores first = PostgresStores.open(pg.paperboyUrl());
         PostgresStores second = PostgresStores.open(pg.paperboyUrl())) {
      postsKeepTheInterval(pacer(first.rateLimits()), pacer(second.rateLimits()), "pg");
    }
  }

  @Test
  @DisplayName("in-process: the same with both pacers on one in-process limit")
  void postsInProcess() throws Exception {
    SharedRateLimit slots = SharedRateLimit.inProcess();
    postsKeepTheInterval(pacer(slots), pacer(slots), "mem");
  }

  @Test
  @DisplayName("PostgreSQL: a 429's Retry-After seen by one instance holds the other's next call of that key, and only that key")
  void retryAfterOnPostgres() throws Exception {
    try (PostgresStores first = PostgresStores.open(pg.paperboyUrl());
         PostgresStores second = PostgresStores.open(pg.paperboyUrl())) {
      retryAfterHoldsBoth(first.rateLimits(), second.rateLimits(), "pg-retry");
    }
  }

  @Test
  @DisplayName("in-process: the same Retry-After rule")
  void retryAfterInProcess() throws Exception {
    SharedRateLimit slots = SharedRateLimit.inProcess();
    retryAfterHoldsBoth(slots, slots, "mem-retry");
  }

  @Test
  @DisplayName("PostgreSQL: a method's tier is per workspace across instances: history reads of one workspace spaced, of another not held")
  void tierPerWorkspaceOnPostgres() throws Exception {
    try (PostgresStores first = PostgresStores.open(pg.paperboyUrl());
         PostgresStores second = PostgresStores.open(pg.paperboyUrl())) {
      // a clock that stands still: each slot is then exactly where the rule puts it
      Clock still = Clock.fixed(T, ZoneOffset.UTC);
      SlackPacer a = new SlackPacer(first.rateLimits(), FAST, still);
      SlackPacer b = new SlackPacer(second.rateLimits(), FAST, still);
      for (int i = 0; i < 5; i++) {
        // different channels, one workspace: the tier does not care about the channel
        assertThat((i % 2 == 0 ? a : b).acquire("conversations.history", "Ttier", "C" + i))
            .contains(T.plus(HISTORY.multipliedBy(i)));
      }
      assertThat(a.acquire("conversations.history", "Tother", "C0")).as("another workspace's tier is its own")
          .contains(T);
      assertThat(b.acquire("users.info", "Ttier", "C0")).as("and another method's").contains(T);
      assertThat(b.acquire("chat.update", "Ttier", "C0")).as("a method Paperboy does not pace takes no slot").isEmpty();
    }
  }

  @Test
  @DisplayName("PostgreSQL: a post answered late holds its channel an interval past the answer, on every instance")
  void answerHoldsTheChannelOnPostgres() throws Exception {
    try (PostgresStores first = PostgresStores.open(pg.paperboyUrl());
         PostgresStores second = PostgresStores.open(pg.paperboyUrl())) {
      Instant[] now = {T};
      Clock moving = new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now[0];
        }
      };
      SlackPacer a = new SlackPacer(first.rateLimits(), FAST, moving);
      SlackPacer b = new SlackPacer(second.rateLimits(), FAST, moving);
      assertThat(a.acquire("chat.postMessage", "pg-answer", "C1")).contains(T);
      // the post took 300 ms on its way: it may have reached Slack just now
      now[0] = T.plusMillis(300);
      a.answered("chat.postMessage", "pg-answer", "C1");
      assertThat(b.acquire("chat.postMessage", "pg-answer", "C1")).as("an interval after the answer, not the slot")
          .contains(T.plusMillis(300).plus(POST));
      assertThat(b.acquire("chat.postMessage", "pg-answer", "C2")).as("other channels are not held")
          .contains(T.plusMillis(300));
    }
  }

  private static void postsKeepTheInterval(SlackPacer a, SlackPacer b, String workspace) throws Exception {
    int channels = 3;
    int postsPerChannel = 12;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Map<String, List<Instant>> byChannel = new ConcurrentHashMap<>();
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < channels * postsPerChannel; i++) {
        SlackPacer pacer = i % 2 == 0 ? a : b;
        String channel = "C" + (i % channels);
        calls.add(pool.submit(() -> {
          Instant slot = pacer.acquire("chat.postMessage", workspace, channel).orElseThrow();
          byChannel.computeIfAbsent(channel, c -> Collections.synchronizedList(new ArrayList<>())).add(slot);
          return null;
        }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(byChannel).hasSize(channels);
    byChannel.forEach((channel, slots) -> {
      assertThat(slots).as(channel).hasSize(postsPerChannel);
      assertSpaced(slots, POST, channel);
    });
  }

  private static void retryAfterHoldsBoth(SharedRateLimit first, SharedRateLimit second, String workspace)
      throws Exception {
    Clock still = Clock.fixed(T, ZoneOffset.UTC);
    SlackPacer a = new SlackPacer(first, FAST, still);
    SlackPacer b = new SlackPacer(second, FAST, still);
    assertThat(a.acquire("chat.postMessage", workspace, "C1")).contains(T);
    Duration retryAfter = Duration.ofMillis(400);
    a.backOff("chat.postMessage", workspace, "C1", retryAfter);

    assertThat(b.acquire("chat.postMessage", workspace, "C2")).as("a channel never refused is not held").contains(T);
    assertThat(b.acquire("chat.postMessage", workspace, "C1")).as("the other instance waits the Retry-After out")
        .contains(T.plus(retryAfter));
    assertThat(a.acquire("chat.postMessage", workspace, "C1")).as("and the channel's spacing goes on from there")
        .contains(T.plus(retryAfter).plus(POST));
  }

  private static void assertSpaced(List<Instant> slots, Duration interval, String what) {
    List<Instant> sorted = new ArrayList<>(slots);
    Collections.sort(sorted);
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).as(what + ": slots " + (i - 1) + " and " + i)
          .isGreaterThanOrEqualTo(interval);
    }
  }
}
