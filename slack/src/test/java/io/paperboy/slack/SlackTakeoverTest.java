package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two gateways (two instances) on one channel of the fake Slack, through the real client: what an
 * instance that paused past its lease and the instance that took its row over each do.
 */
@DisplayName("Slack takeover: a paused holder stops between parts; the takeover reads past a stale cached read")
class SlackTakeoverTest {

  private static final String CHANNEL = "C0TAKE";
  private static final ChannelRef TAKE = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, CHANNEL);

  private FakeSlack fake;

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlack.start().channel(CHANNEL, FakeSlack.Membership.MEMBER);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private SlackGateway instance() {
    return SlackGateway.create(SlackClients.create(fake.apiUrl()), BotTokens.single(FakeSlack.BOT_TOKEN),
        SlackPacer.unpaced());
  }

  private static Message threeParts() {
    // threads style: a head message and one reply per paper
    return DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));
  }

  private static Message text(String text) {
    return Message.builder().text(text).build();
  }

  @Test
  @DisplayName("the guard is asked before each part after the first; a lost row stops the post with SUPERSEDED")
  void guardStopsBetweenParts() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    PostOptions options = new PostOptions(PostStyle.THREADS, "t:guard").guardedBy(() -> asked.incrementAndGet() < 2);

    assertThatThrownBy(() -> instance().post(TAKE, threeParts(), options))
        .isInstanceOfSatisfying(PostException.class, e -> assertThat(e.kind()).isEqualTo(PostException.Kind.SUPERSEDED));

    assertThat(asked).as("before part 1 (held) and part 2 (lost)").hasValue(2);
    assertThat(fake.messages(CHANNEL)).as("parts 0 and 1 only").hasSize(2);
  }

  @Test
  @DisplayName("a takeover does not trust a read made before the earlier attempt stopped: what it posted after is found")
  void takeoverReadsAfterTheAttemptStopped() throws Exception {
    SlackGateway a = instance();
    SlackGateway b = instance();
    Instant began = Instant.now();
    // GIVEN B read the channel for another interrupted row (cached), and only then A posted k1
    b.post(TAKE, text("other"), new PostOptions(PostStyle.DIGEST, "other", true, Optional.of(began)));
    assertThat(fake.calls("conversations.history")).hasSize(1);
    a.post(TAKE, text("one"), PostOptions.digest("k1"));
    Instant stopped = Instant.now();

    // WHEN B takes k1 over from A, whose attempt (begun before B's read) could post until `stopped`
    b.post(TAKE, text("one"), PostOptions.digest("k1").retrying(Optional.of(began), stopped));

    // THEN B read again and found A's k1: the channel holds it once
    assertThat(fake.messages(CHANNEL)).extracting(PostedMessage::text).containsExactly("other", "one");
    assertThat(fake.calls("conversations.history")).hasSize(2);

    // AND rows taken back before that read (a restart's) are still answered by it: no third read
    a.post(TAKE, text("two"), PostOptions.digest("k2"));
    b.post(TAKE, text("three"), PostOptions.digest("k3").retrying(Optional.of(began), stopped));
    assertThat(fake.calls("conversations.history")).hasSize(2);
    assertThat(fake.messages(CHANNEL)).extracting(PostedMessage::text).containsExactly("other", "one", "two", "three");
  }
}
