package io.paperboy.scheduler.poll;

import io.paperboy.scheduler.testing.MutableClock;
import static io.paperboy.scheduler.poll.TestDigests.found;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paperboy.scheduler.source.DigestSource;
import io.paperboy.scheduler.source.FetchResult;
import io.paperboy.store.Digest;
import io.paperboy.store.IngestResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DigestPollerTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final LocalDate DAY = LocalDate.of(2024, 6, 7);
  private static final PollPolicy POLICY = new PollPolicy(LocalTime.of(6, 0), Duration.ofMinutes(5),
      Duration.ofMinutes(40), LocalTime.of(22, 0));
  private static final FetchResult NOT_YET = new FetchResult.NotYet("nothing yet");

  private final MutableClock clock = new MutableClock(seoul("08:00"));
  private final RecordingStore store = new RecordingStore();
  private final List<IngestResult> heard = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger pollerLog = (Logger) LoggerFactory.getLogger(DigestPoller.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    pollerLog.addAppender(logs);
    // the test reads INFO lines whatever level logback-test.xml sets
    pollerLog.setLevel(Level.INFO);
  }

  @AfterEach
  void releaseLogs() {
    pollerLog.detachAppender(logs);
    pollerLog.setLevel(null);
  }

  private static Instant seoul(String time) {
    return DAY.atTime(LocalTime.parse(time)).atZone(SEOUL).toInstant();
  }

  /** A poller with no jitter, so waits are exact. */
  private DigestPoller poller(DigestSource... sources) {
    return poller(0.0, sources);
  }

  private DigestPoller poller(double jitter, DigestSource... sources) {
    DigestPoller poller = new DigestPoller(List.of(sources), store, clock, SEOUL, POLICY, () -> jitter);
    poller.addListener((result, digest) -> heard.add(result));
    return poller;
  }

  private long logged(String fragment) {
    return logs.list.stream().filter(e -> e.getFormattedMessage().contains(fragment)).count();
  }

  @Test
  @DisplayName("a found digest of more papers than the limit is refused whatever its source; nothing is stored")
  void refusesFlood() {
    ScriptedSource source = new ScriptedSource("json", found(DAY, "2406.00001", "2406.00002", "2406.00003"));
    DigestPoller poller = new DigestPoller(List.of(source), store, clock, SEOUL, POLICY, () -> 0.0, 2);

    PollOutcome outcome = poller.poll(DAY);

    assertThat(outcome).isInstanceOfSatisfying(PollOutcome.NotFound.class, n -> assertThat(n.reasons())
        .singleElement().asString().contains("lists 3 papers for 2024-06-07, more than the 2 of ingest.max-papers-per-day"));
    assertThat(store.saved).isEmpty();
    assertThat(heard).isEmpty();
  }

  @Test
  @DisplayName("found on the third try, after waits of 5 then 10 minutes; saved and announced once")
  void foundOnThirdTry() {
    // GIVEN a source that has the digest only from its third answer on
    ScriptedSource source = new ScriptedSource("s", NOT_YET, NOT_YET, found(DAY, "2406.00001", "2406.00002"));
    DigestPoller poller = poller(source);

    // WHEN the job polls whenever the poller is due
    PollOutcome first = poller.poll(DAY);
    Instant afterFirst = ((PollOutcome.NotFound) first).nextTry();
    clock.advance(Duration.ofMinutes(4));
    boolean dueTooEarly = poller.due(DAY);
    clock.set(afterFirst);
    PollOutcome second = poller.poll(DAY);
    Instant afterSecond = ((PollOutcome.NotFound) second).nextTry();
    clock.set(afterSecond.minusSeconds(1));
    boolean dueJustBefore = poller.due(DAY);
    clock.set(afterSecond);
    boolean dueThen = poller.due(DAY);
    PollOutcome third = poller.poll(DAY);

    // THEN the waits doubled, and the third try stored the digest and told the listener
    assertThat(afterFirst).isEqualTo(seoul("08:05"));
    assertThat(dueTooEarly).isFalse();
    assertThat(Duration.between(afterFirst, afterSecond)).isEqualTo(Duration.ofMinutes(10));
    assertThat(dueJustBefore).isFalse();
    assertThat(dueThen).isTrue();
    assertThat(third).isInstanceOfSatisfying(PollOutcome.Ingested.class, i -> {
      assertThat(i.attempts()).isEqualTo(3);
      assertThat(i.source()).isEqualTo("s");
      assertThat(i.result().added()).isEqualTo(2);
      assertThat(i.result().newPapers()).containsExactly("2406.00001", "2406.00002");
    });
    assertThat(store.saved).hasSize(1);
    assertThat(heard).hasSize(1);
    assertThat(poller.due(DAY)).isFalse();
    assertThat(poller.nextTry(DAY)).isEmpty();
  }

  @Test
  @DisplayName("waits keep doubling up to the maximum, and jitter only ever shortens them by up to 10 %")
  void backoffIsCappedAndJittered() {
    DigestPoller steady = poller(new ScriptedSource("s", NOT_YET));
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Instant before = clock.instant();
      Instant next = ((PollOutcome.NotFound) steady.poll(DAY)).nextTry();
      waits.add(Duration.between(before, next));
      clock.set(next);
    }
    assertThat(waits).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
        Duration.ofMinutes(40), Duration.ofMinutes(40), Duration.ofMinutes(40));

    clock.set(seoul("08:00"));
    DigestPoller jittered = poller(0.999, new ScriptedSource("s", NOT_YET));
    Instant next = ((PollOutcome.NotFound) jittered.poll(DAY.plusDays(1))).nextTry();
    Duration wait = Duration.between(clock.instant(), next);
    assertThat(wait).isLessThan(Duration.ofMinutes(5)).isGreaterThan(Duration.ofSeconds(270));
  }

  @Test
  @DisplayName("from the give-up time on, the day is given up, logged once, and no source is asked again")
  void givesUp() {
    ScriptedSource source = new ScriptedSource("s", NOT_YET);
    DigestPoller poller = poller(source);
    poller.poll(DAY);

    clock.set(seoul("22:00"));
    boolean due = poller.due(DAY);
    PollOutcome outcome = poller.poll(DAY);
    PollOutcome again = poller.poll(DAY);

    assertThat(due).as("due, so that the job records the give-up").isTrue();
    assertThat(outcome).isEqualTo(new PollOutcome.GaveUp(DAY, 1));
    assertThat(again).isEqualTo(new PollOutcome.GaveUp(DAY, 1));
    assertThat(poller.due(DAY)).isFalse();
    assertThat(source.fetches).hasSize(1);
    assertThat(logged("no digest for 2024-06-07 from any source; giving up")).isEqualTo(1);
  }

  @Test
  @DisplayName("before the first-try time nothing is due; the next try is the first-try time")
  void firstTry() {
    clock.set(seoul("05:59"));
    DigestPoller poller = poller(new ScriptedSource("s", NOT_YET));

    assertThat(poller.due(DAY)).isFalse();
    assertThat(poller.nextTry(DAY)).contains(seoul("06:00"));
    clock.set(seoul("06:00"));
    assertThat(poller.due(DAY)).isTrue();
    // 06:00 in Seoul is 21:00 UTC the day before: the zone, not UTC, decides
    assertThat(seoul("06:00")).isEqualTo(Instant.parse("2024-06-06T21:00:00Z"));
  }

  @Test
  @DisplayName("a failing first source falls through to the second, which is used")
  void fallsThrough() {
    ScriptedSource broken = new ScriptedSource("broken", new FetchResult.Failed("http://x: HTTP 503", true));
    ScriptedSource folder = new ScriptedSource("folder", found(DAY, "2406.00001"));

    PollOutcome outcome = poller(broken, folder).poll(DAY);

    assertThat(outcome).isInstanceOfSatisfying(PollOutcome.Ingested.class,
        i -> assertThat(i.source()).isEqualTo("folder"));
    assertThat(broken.fetches).containsExactly(DAY);
    assertThat(store.saved).hasSize(1);
    assertThat(logged("broken: http://x: HTTP 503")).isEqualTo(1);
  }

  @Test
  @DisplayName("the first source that has the digest wins; later ones are not asked")
  void priorityOrder() {
    ScriptedSource first = new ScriptedSource("first", found(DAY, "2406.00001"));
    ScriptedSource second = new ScriptedSource("second", found(DAY, "2406.00009"));

    poller(first, second).poll(DAY);

    assertThat(second.fetches).isEmpty();
    assertThat(store.saved.get(0).entries().get(0).arxivId()).isEqualTo("2406.00001");
  }

  @Test
  @DisplayName("'unchanged' counts as stored already: no save, no listener, no more polling")
  void unchanged() {
    ScriptedSource source = new ScriptedSource("s", new FetchResult.Unchanged());
    DigestPoller poller = poller(source);

    PollOutcome outcome = poller.poll(DAY);

    assertThat(outcome).isInstanceOf(PollOutcome.AlreadyStored.class);
    assertThat(store.saved).isEmpty();
    assertThat(heard).isEmpty();
    assertThat(poller.due(DAY)).isFalse();
  }

  @Test
  @DisplayName("a day the store already holds is not fetched at all")
  void alreadyInStore() {
    store.preload(TestDigests.digest(DAY, "2406.00001"));
    ScriptedSource source = new ScriptedSource("s", found(DAY, "2406.00001"));

    PollOutcome outcome = poller(source).poll(DAY);

    assertThat(outcome).isEqualTo(new PollOutcome.AlreadyStored(DAY, "already in the store"));
    assertThat(source.fetches).isEmpty();
    assertThat(heard).isEmpty();
  }

  @Test
  @DisplayName("listeners hear each stored digest exactly once, even when polled again or one listener fails")
  void listenersOncePerDigest() {
    DigestPoller poller = poller(new ScriptedSource("s", found(DAY, "2406.00001")));
    List<Digest> second = new ArrayList<>();
    poller.addListener((result, digest) -> {
      throw new IllegalStateException("listener bug");
    });
    poller.addListener((result, digest) -> second.add(digest));

    poller.poll(DAY);
    PollOutcome again = poller.poll(DAY);

    assertThat(heard).hasSize(1);
    assertThat(second).hasSize(1);
    assertThat(again).isInstanceOf(PollOutcome.AlreadyStored.class);
    assertThat(store.saved).hasSize(1);
  }

  @Test
  @DisplayName("a digest of another date is 'not yet' and is not stored")
  void otherDateIsNotStored() {
    PollOutcome outcome = poller(new ScriptedSource("latest", found(DAY.minusDays(1), "2406.00001"))).poll(DAY);

    assertThat(outcome).isInstanceOfSatisfying(PollOutcome.NotFound.class,
        n -> assertThat(n.reasons()).singleElement().asString().contains("holds the digest of 2024-06-06, not 2024-06-07"));
    assertThat(store.saved).isEmpty();
  }

  @Test
  @DisplayName("when the store refuses a digest, the source forgets it and the next try stores it")
  void storeFailure() {
    ScriptedSource source = new ScriptedSource("s", found(DAY, "2406.00001"));
    DigestPoller poller = poller(source);
    store.failNextSave = new IllegalStateException("database is locked");

    PollOutcome first = poller.poll(DAY);
    clock.set(((PollOutcome.NotFound) first).nextTry());
    PollOutcome second = poller.poll(DAY);

    assertThat(first).isInstanceOfSatisfying(PollOutcome.NotFound.class,
        n -> assertThat(n.reasons()).singleElement().asString().contains("database is locked"));
    assertThat(source.invalidations).containsExactly(DAY);
    assertThat(second).isInstanceOf(PollOutcome.Ingested.class);
    assertThat(heard).hasSize(1);
  }

  @Test
  @DisplayName("a source that asked to wait (Retry-After) is skipped until then")
  void honoursRetryAfter() {
    ScriptedSource limited = new ScriptedSource("limited",
        new FetchResult.Failed("http://x: HTTP 429", true, Optional.of(Duration.ofMinutes(30))), NOT_YET);
    ScriptedSource other = new ScriptedSource("other", NOT_YET);
    DigestPoller poller = poller(limited, other);

    PollOutcome first = poller.poll(DAY);
    clock.set(((PollOutcome.NotFound) first).nextTry());
    PollOutcome second = poller.poll(DAY);
    clock.set(seoul("08:30"));
    poller.poll(DAY);

    assertThat(((PollOutcome.NotFound) second).reasons().get(0)).contains("limited: skipped until");
    assertThat(limited.fetches).hasSize(2);
    assertThat(other.fetches).hasSize(3);
  }

  @Test
  @DisplayName("when every source asked to wait longer than the backoff, the next try waits for the earliest")
  void allSourcesRateLimited() {
    ScriptedSource limited = new ScriptedSource("limited",
        new FetchResult.Failed("http://x: HTTP 429", true, Optional.of(Duration.ofHours(1))));

    PollOutcome outcome = poller(limited).poll(DAY);

    assertThat(((PollOutcome.NotFound) outcome).nextTry()).isEqualTo(seoul("09:00"));
  }

  @Test
  @DisplayName("a source that throws is a failure like any other; the next source still runs")
  void sourceThatThrows() {
    DigestSource bad = new DigestSource() {
      @Override
      public String name() {
        return "bad";
      }

      @Override
      public FetchResult fetch(LocalDate date) {
        throw new IllegalStateException("bug in a source");
      }
    };
    ScriptedSource good = new ScriptedSource("good", found(DAY, "2406.00001"));

    assertThat(poller(bad, good).poll(DAY)).isInstanceOf(PollOutcome.Ingested.class);
  }

  @Test
  @DisplayName("the same 'not yet' is logged once, not on every try")
  void quietWhileWaiting() {
    DigestPoller poller = poller(new ScriptedSource("s", NOT_YET));
    for (int i = 0; i < 4; i++) {
      clock.set(((PollOutcome.NotFound) poller.poll(DAY)).nextTry());
    }

    assertThat(logged("s: nothing yet")).isEqualTo(1);
  }

  @Test
  @DisplayName("a permanent failure is logged as an error, a transient one as a warning")
  void failureLevels() {
    poller(new ScriptedSource("forbidden", new FetchResult.Failed("http://x: HTTP 403", false)),
        new ScriptedSource("busy", new FetchResult.Failed("http://y: HTTP 503", true))).poll(DAY);

    assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().startsWith("forbidden:"))
        .singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.ERROR);
    assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().startsWith("busy:"))
        .singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
  }

  @Test
  @DisplayName("a policy that makes no sense is refused")
  void badPolicy() {
    assertThatThrownBy(() -> new PollPolicy(LocalTime.of(22, 0), Duration.ofMinutes(5), Duration.ofMinutes(5),
        LocalTime.of(6, 0))).hasMessageContaining("must come before");
    assertThatThrownBy(() -> new PollPolicy(LocalTime.MIDNIGHT, Duration.ofMinutes(5), Duration.ofMinutes(1),
        LocalTime.NOON)).hasMessageContaining("shorter than the initial");
    assertThatThrownBy(() -> new PollPolicy(LocalTime.MIDNIGHT, Duration.ZERO, Duration.ofMinutes(1),
        LocalTime.NOON)).hasMessageContaining("positive");
  }
}
