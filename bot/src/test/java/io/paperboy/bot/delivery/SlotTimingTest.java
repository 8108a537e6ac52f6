package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.message.Message;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily post goes out at its slot by the application's clock, also when that clock is pinned
 * away from the system's ({@code --now}): the README's demo and production alike.
 *
 * <p>The bound of a few seconds is not a timing assertion that load can break: the planner is
 * woken at the slot itself, so the lag is one planner run and one post to a gateway that only
 * records (milliseconds). The mechanism this replaces ran the planner at second 0 of the
 * <em>system</em> clock's minutes; the test places the slot at least 20 s before such a second,
 * so that mechanism fails it every time rather than by luck.
 */
class SlotTimingTest {

  static final Path SEEDS = Path.of(System.getProperty("paperboy.projectSeeds"));
  /** 09:00 in Seoul on a Friday with a seed digest: the console's default subscription posts it. */
  static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");
  static final Duration FEW_SECONDS = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  /** The system clock shifted by an offset that the test sets once the application is open. */
  static final class PinnedClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    PinnedClock() {
      this(new AtomicReference<>(Duration.ZERO), ZoneId.of("UTC"));
    }

    private PinnedClock(AtomicReference<Duration> offset, ZoneId zone) {
      this.offset = offset;
      this.zone = zone;
    }

    void pin(Instant now) {
      offset.set(Duration.between(Instant.now(), now));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new PinnedClock(offset, other);
    }
  }

  /** Records when, by the application's clock, each post reached the console. */
  record RecordingConsole(Clock clock, BlockingQueue<Instant> posts) implements ChannelGateway {
    @Override
    public Platform platform() {
      return Platform.CONSOLE;
    }

    @Override
    public PostReceipt post(ChannelRef channel, Message message, PostOptions options) {
      posts.add(clock.instant());
      return new PostReceipt(List.of("console:" + options.idempotencyKey()));
    }
  }

  @Test
  @DisplayName("with the clock pinned a few seconds before 09:00, the console's daily post goes out at 09:00, not at the system clock's next minute")
  void postAtTheSlot() throws Exception {
    PinnedClock clock = new PinnedClock();
    PaperboyConfig config = PaperboyConfig.defaults().withDatabase(dir.resolve("p.db").toString());
    BlockingQueue<Instant> posts = new ArrayBlockingQueue<>(10);
    try (Paperboy app = Paperboy.open(config, clock)) {
      app.ingest(List.of(SEEDS), IngestProgress.NONE);
      // GIVEN the slot a few seconds ahead, at second 3..40 of a system-clock minute
      Instant system = Instant.now();
      int second = (int) (system.getEpochSecond() % 60);
      Duration lead = Duration.ofSeconds(second + 3 <= 40 ? 3 : 63 - second);
      clock.pin(SLOT.minus(lead));

      // WHEN the daily posts start (the console subscribes itself on defaults: weekdays 09:00 Seoul)
      try (DeliveryRuntime delivery = app.startDelivery(Map.of(Platform.CONSOLE, new RecordingConsole(clock, posts)))) {
        assertThat(clock.instant()).as("the test must start before the slot").isBefore(SLOT);

        // THEN the post is made at the slot, within a few seconds, by the application's clock
        Instant posted = posts.poll(lead.toSeconds() + 90, TimeUnit.SECONDS);
        assertThat(posted).as("a post within 90 s of the slot").isNotNull();
        assertThat(posted).isAfterOrEqualTo(SLOT).isBefore(SLOT.plus(FEW_SECONDS));
      }
    }
  }

  @Test
  @DisplayName("a digest stored after its slot is posted within a few seconds of being stored, not at the planner's next minute")
  void postWhenTheDigestArrivesLate() throws Exception {
    PinnedClock clock = new PinnedClock();
    PaperboyConfig config = PaperboyConfig.defaults().withDatabase(dir.resolve("p.db").toString());
    BlockingQueue<Instant> posts = new ArrayBlockingQueue<>(10);
    try (Paperboy app = Paperboy.open(config, clock)) {
      // GIVEN the console subscribed before 09:00, and 09:00 passed ten seconds ago without a digest
      app.subscriptionAdmin().subscribing().subscribeIfAbsent(ChannelRef.console(), SLOT.minus(Duration.ofHours(1)));
      clock.pin(SLOT.plusSeconds(10));
      try (DeliveryRuntime delivery = app.startDelivery(Map.of(Platform.CONSOLE, new RecordingConsole(clock, posts)))) {
        // WHEN the day's digest is stored (the planner's next minute is ~50 s away)
        Instant stored = clock.instant();
        app.ingest(List.of(SEEDS.resolve("2024-06-07.md")), IngestProgress.NONE);

        // THEN it is posted a few seconds after it was stored, by the application's clock
        Instant posted = posts.poll(120, TimeUnit.SECONDS);
        assertThat(posted).as("a post within two minutes").isNotNull();
        assertThat(posted).isAfter(stored).isBefore(stored.plus(FEW_SECONDS));
      }
    }
  }
}
