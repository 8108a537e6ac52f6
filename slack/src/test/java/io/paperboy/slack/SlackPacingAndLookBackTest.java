package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import io.paperboy.testkit.slack.RecordedCall;
import io.paperboy.testkit.slack.SlackLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pacing before sending and the look-back after a crash, through the real client against the
 * fake Slack with its limits on. The limits are Slack's shapes scaled up (a tier of 1,200 a minute
 * instead of 50) and the pacer scaled to match, so that a test finishes in seconds; the point is
 * that the pacer keeps under whatever the limit is — no 429 — and the look-back costs one read per
 * channel.
 */
@DisplayName("Slack pacing and look-back: under the limits before sending, one narrowed history read per channel")
class SlackPacingAndLookBackTest {

  private static final Duration FAST = Duration.ofMillis(60);
  private FakeSlack fake;
  private SlackGateway gateway;

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlack.start();
    for (int i = 1; i <= 20; i++) {
      fake.channel("C" + i, FakeSlack.Membership.MEMBER);
    }
    gateway = paced();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** A gateway as after a restart: nothing cached, paced one call per {@link #FAST} per key. */
  private SlackGateway paced() {
    SlackPacer pacer = new SlackPacer(Map.of("chat.postMessage", FAST, "conversations.history", FAST));
    return SlackGateway.create(SlackClients.create(fake.apiUrl()), BotTokens.single(FakeSlack.BOT_TOKEN), pacer);
  }

  private static ChannelRef channel(int i) {
    return ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C" + i);
  }

  private static PostOptions retry(String key, Instant earlierAttempt) {
    return new PostOptions(PostStyle.DIGEST, key, true, Optional.of(earlierAttempt));
  }

  private static Message text(String text) {
    return Message.builder().text(text).build();
  }

  @Test
  @DisplayName("ten posts into one channel with a burst of two: paced, all accepted, no 429")
  void postsPacedPerChannel() throws Exception {
    // 1,200 a minute and a burst of 2 (Slack: "short bursts allowed"): faster than one per 50 ms is
    // refused soon; the burst absorbs the loopback's jitter, not the rate
    fake.limits(SlackLimits.slack().withPosting(1_200, 2));

    for (int i = 0; i < 10; i++) {
      gateway.post(channel(1), text("post " + i), PostOptions.digest("p" + i));
    }

    assertThat(fake.messages("C1")).hasSize(10);
    assertThat(fake.counts("chat.postMessage").rateLimited()).isZero();
  }

  @Test
  @DisplayName("unpaced, the same posts meet 429s (the fake does limit), which Retry-After then waits out")
  void unpacedMeets429() throws Exception {
    fake.limits(SlackLimits.slack().withPosting(1_200, 1));
    SlackGateway unpaced = new SlackGateway(SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN),
        new SlackRenderer(), Duration.ofSeconds(5), 5);

    for (int i = 0; i < 5; i++) {
      unpaced.post(channel(1), text("post " + i), PostOptions.digest("u" + i));
    }

    assertThat(fake.messages("C1")).hasSize(5);
    assertThat(fake.counts("chat.postMessage").rateLimited()).isPositive();
  }

  @Test
  @DisplayName("after a crash, a channel's interrupted rows cost ONE history read, narrowed to the attempt's window")
  void oneReadPerChannel() throws Exception {
    Instant before = Instant.now();
    // GIVEN a dead process posted k1 and k2 to C1 and k4 to C2, then died before marking them sent
    gateway.post(channel(1), text("one"), PostOptions.digest("k1"));
    gateway.post(channel(1), text("two"), PostOptions.digest("k2"));
    gateway.post(channel(2), text("four"), PostOptions.digest("k4"));
    fake.limits(SlackLimits.slack().withMethod("conversations.history", 1_200));
    SlackGateway restarted = paced();

    // WHEN the restarted process retries k1, k2, k3 (never posted) in C1 and k4 in C2
    restarted.post(channel(1), text("one"), retry("k1", before));
    restarted.post(channel(1), text("two"), retry("k2", before));
    restarted.post(channel(1), text("three"), retry("k3", before));
    restarted.post(channel(2), text("four"), retry("k4", before));

    // THEN nothing is posted twice, k3 once, with one read per channel
    assertThat(fake.messages("C1")).extracting(PostedMessage::text).containsExactly("one", "two", "three");
    assertThat(fake.messages("C2")).extracting(PostedMessage::text).containsExactly("four");
    List<RecordedCall> reads = fake.calls("conversations.history");
    assertThat(reads).extracting(c -> c.params().get("channel")).containsExactly("C1", "C2");
    assertThat(fake.counts("conversations.history").rateLimited()).isZero();
    // narrowed: oldest a little before the attempt began, latest now
    BigDecimal oldest = new BigDecimal(reads.get(0).params().get("oldest"));
    BigDecimal latest = new BigDecimal(reads.get(0).params().get("latest"));
    assertThat(oldest.longValue()).isEqualTo(before.minus(SlackGateway.CLOCK_SKEW).getEpochSecond());
    assertThat(latest.longValue()).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
  }

  @Test
  @DisplayName("an earlier attempt older than the last read is read again; a window ahead of real time is not trusted")
  void windowsOutsideTheReadAreReadAgain() throws Exception {
    Instant start = Instant.now();
    gateway.post(channel(3), text("old"), PostOptions.digest("old"));
    SlackGateway restarted = paced();
    restarted.post(channel(3), text("old"), retry("old", start));
    // an attempt that began before what the first read covered
    restarted.post(channel(3), text("old"), retry("old", start.minus(Duration.ofHours(1))));
    // a pinned application clock ahead of Slack's: the window is ignored, the recent history read
    restarted.post(channel(3), text("old"), retry("old", start.plus(Duration.ofDays(365))));

    assertThat(fake.messages("C3")).hasSize(1);
    assertThat(fake.calls("conversations.history")).hasSize(3);
    assertThat(fake.calls("conversations.history").get(2).params()).doesNotContainKey("oldest");
  }

  @Test
  @DisplayName("twenty channels interrupted at once: twenty reads, paced under the tier, no 429")
  void lookBackPacedUnderItsTier() throws Exception {
    Instant before = Instant.now();
    for (int i = 1; i <= 20; i++) {
      gateway.post(channel(i), text("m" + i), PostOptions.digest("m" + i));
    }
    // a tier's bucket holds a minute's worth: at 1,000 a minute 20 reads fit the bucket anyway, so
    // what this shows is that pacing costs no 429 and no duplicate while reading every channel
    fake.limits(new SlackLimits(true, Map.of("conversations.history", 1_000), 60, 3, Optional.empty(),
        Optional.empty()));
    SlackGateway restarted = paced();

    for (int i = 1; i <= 20; i++) {
      restarted.post(channel(i), text("m" + i), retry("m" + i, before));
    }

    assertThat(fake.allMessages()).hasSize(20);
    assertThat(fake.calls("conversations.history")).hasSize(20);
    assertThat(fake.counts("conversations.history").rateLimited()).isZero();
  }
}
