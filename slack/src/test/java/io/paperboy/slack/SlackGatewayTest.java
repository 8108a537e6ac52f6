package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import io.paperboy.testkit.slack.RecordedCall;
import io.paperboy.testkit.slack.Scripted;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("SlackGateway: chat.postMessage through the real client against the fake Slack")
class SlackGatewayTest {

  private static final String CHANNEL = "C0DIGEST";
  private static final ChannelRef DIGEST = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, CHANNEL);

  private FakeSlack fake;
  private SlackGateway gateway;

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlack.start()
        .channel(CHANNEL, FakeSlack.Membership.MEMBER)
        .channel("C0OUTSIDE", FakeSlack.Membership.NOT_IN_CHANNEL)
        .channel("C0ARCHIVED", FakeSlack.Membership.ARCHIVED);
    gateway = new SlackGateway(SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN), new SlackRenderer(),
        Duration.ofSeconds(30), 3);
  }

  @AfterEach
  void stop() throws Exception {
    fake.close();
  }

  @Test
  @DisplayName("the largest real-shaped day posts without one Block Kit error, every paper present, in order")
  void largestDay() throws Exception {
    // GIVEN 70 papers, long summaries, 1,000 authors on one, & < > and <!here> in every title
    List<Block.PaperCard> cards = DailyPosts.largestDay();

    PostReceipt receipt = gateway.post(DIGEST, DailyPosts.dailyPost(DailyPosts.DAY, cards), PostOptions.digest("d:1"));

    // THEN the fake (which enforces Slack's limits) accepted every message
    List<RecordedCall> calls = fake.calls("chat.postMessage");
    assertThat(calls).allMatch(RecordedCall::ok, "accepted by the fake");
    List<PostedMessage> posted = fake.messages(CHANNEL);
    assertThat(receipt.messageIds()).hasSize(posted.size()).isEqualTo(posted.stream().map(PostedMessage::ts).toList());
    assertThat(posted.size()).isGreaterThan(1);
    // AND the gateway counted its messages beforehand exactly (the flood bound relies on it)
    assertThat(gateway.messages(DailyPosts.dailyPost(DailyPosts.DAY, cards), PostStyle.DIGEST)).isEqualTo(posted.size());
    // AND every paper is there, in rank order, with its title escaped and every bullet intact
    String all = String.join("\n", posted.stream().flatMap(m -> texts(m.blocks()).stream()).toList());
    int from = 0;
    for (int i = 1; i <= 70; i++) {
      String id = String.format("2406.%05d", 10_000 + i);
      String title = "*" + i + ". <https://arxiv.org/abs/" + id + "|Paper " + i
          + ": Q&amp;A &lt;Agents&gt; -&gt; Scaling \"Laws\" &amp; α-Tuning for &lt;!here&gt; Models &gt; Baselines>*";
      int at = all.indexOf(title, from);
      assertThat(at).as("paper %d after position %d", i, from).isGreaterThanOrEqualTo(from);
      for (String bullet : DailyPosts.longSummaryBullets(i)) {
        String escaped = bullet.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertThat(all).contains("• " + escaped);
      }
      from = at;
    }
    assertThat(all).contains("Author1 Surname7, Author2 Surname1, Author3 Surname8, Author4 Surname2, "
        + "Author5 Surname9 … et al. (1000 authors)");
    // AND nobody is pinged: no live <!…> or <@…> anywhere, link_names off
    for (PostedMessage m : posted) {
      assertThat(texts(m.blocks())).noneMatch(t -> t.contains("<!") || t.contains("<@"));
      assertThat(m.text()).doesNotContain("<!").doesNotContain("<@");
      assertThat(m.params().get("link_names")).isIn("false", "0");
    }
  }

  @Test
  @DisplayName("after an attempt that died mid-post, the retry finds the parts already posted and posts only the rest")
  void resumesAfterUnknownOutcome() throws Exception {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, DailyPosts.largestDay().subList(0, 12));
    int parts = new SlackRenderer().render(day).size();
    assertThat(parts).isGreaterThan(2);
    // GIVEN the first attempt posted two parts, then failed
    fake.script("chat.postMessage", Scripted.pass(), Scripted.pass(), Scripted.httpStatus(500));
    PostOptions first = PostOptions.digest("digest:2024-06-07:C0DIGEST");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.post(DIGEST, day, first))
        .isInstanceOf(io.paperboy.core.gateway.PostException.class);
    assertThat(fake.messages(CHANNEL)).hasSize(2);

    // WHEN the worker retries with an unknown outcome
    PostReceipt receipt = gateway.post(DIGEST, day, first.retrying());

    // THEN every part is in the channel exactly once, in order, and the receipt names them all
    List<PostedMessage> posted = fake.messages(CHANNEL);
    assertThat(posted).hasSize(parts);
    assertThat(receipt.messageIds()).isEqualTo(posted.stream().map(PostedMessage::ts).toList());
    for (int i = 0; i < parts; i++) {
      assertThat(posted.get(i).metadata().orElseThrow().at("/event_payload/part").asInt()).isEqualTo(i);
    }
    // AND a retry of a post that fully went out posts nothing more
    assertThat(gateway.post(DIGEST, day, first.retrying()).messageIds()).isEqualTo(receipt.messageIds());
    assertThat(fake.messages(CHANNEL)).hasSize(parts);
  }

  @Test
  @DisplayName("an alert to one user opens a DM (conversations.open, once) and posts there")
  void directMessage() throws Exception {
    ChannelRef dm = ChannelRef.directMessage(Platform.SLACK, FakeSlack.TEAM_ID, "U0READER");
    gateway.post(dm, Message.of(DailyPosts.shareCard()), PostOptions.digest("alert:1"));
    gateway.post(dm, Message.of(DailyPosts.shareCard()), PostOptions.digest("alert:2"));
    assertThat(fake.calls("conversations.open")).hasSize(1);
    assertThat(fake.calls("conversations.open").get(0).params().get("users")).isEqualTo("U0READER");
    assertThat(fake.messages("DU0READER")).hasSize(2);
  }

  @Test
  @DisplayName("every post carries the idempotency key in its metadata, and findPosted finds the first part")
  void metadataAndFindPosted() throws Exception {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, DailyPosts.largestDay().subList(0, 8));
    PostReceipt receipt = gateway.post(DIGEST, day, PostOptions.digest("digest:2024-06-07:C0DIGEST"));
    gateway.post(DIGEST, Message.of(DailyPosts.shareCard()), PostOptions.digest("alert:2406.04325"));

    List<PostedMessage> posted = fake.messages(CHANNEL);
    int parts = receipt.messageIds().size();
    assertThat(parts).isGreaterThan(1);
    for (int i = 0; i < parts; i++) {
      JsonNode metadata = posted.get(i).metadata().orElseThrow();
      assertThat(metadata.path("event_type").asText()).isEqualTo(SlackGateway.METADATA_EVENT_TYPE);
      assertThat(metadata.path("event_payload").path("key").asText()).isEqualTo("digest:2024-06-07:C0DIGEST");
      assertThat(metadata.path("event_payload").path("part").asInt()).isEqualTo(i);
      assertThat(metadata.path("event_payload").path("parts").asInt()).isEqualTo(parts);
    }
    assertThat(gateway.findPosted(DIGEST, "digest:2024-06-07:C0DIGEST")).contains(receipt.messageIds().get(0));
    assertThat(gateway.findPosted(DIGEST, "alert:2406.04325")).contains(posted.get(parts).ts());
    assertThat(gateway.findPosted(DIGEST, "digest:2024-06-08:C0DIGEST")).isEmpty();
    assertThat(fake.calls("conversations.history")).allMatch(c -> List.of("1", "true").contains(c.params().get("include_all_metadata")));
  }

  @Test
  @DisplayName("thread style: a header message, then one thread reply per paper")
  void threads() throws Exception {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));

    PostReceipt receipt = gateway.post(DIGEST, day, new PostOptions(PostStyle.THREADS, "t:1"));

    List<PostedMessage> posted = fake.messages(CHANNEL);
    assertThat(posted).hasSize(3);
    assertThat(gateway.messages(day, PostStyle.THREADS)).isEqualTo(3);
    PostedMessage head = posted.get(0);
    assertThat(head.threadTs()).isEmpty();
    assertThat(head.blocks().get(0).path("type").asText()).isEqualTo("header");
    assertThat(texts(head.blocks())).noneMatch(t -> t.contains("arxiv.org/abs"));
    assertThat(posted.subList(1, 3)).allMatch(m -> m.threadTs().equals(Optional.of(head.ts())));
    assertThat(texts(posted.get(1).blocks()).get(0)).contains("2406.04325");
    assertThat(texts(posted.get(2).blocks()).get(0)).contains("2406.04314");
    assertThat(receipt.messageIds()).containsExactly(head.ts(), posted.get(1).ts(), posted.get(2).ts());
    assertThat(gateway.findPosted(inThread(DIGEST, head.ts()), "t:1")).contains(head.ts());
  }

  @Test
  @DisplayName("a channel reference with a thread posts every part into that thread")
  void intoThread() throws Exception {
    String root = gateway.post(DIGEST, Message.ephemeralText("root"), PostOptions.digest("root")).messageIds().get(0);

    gateway.post(inThread(DIGEST, root), Message.of(DailyPosts.shareCard()), PostOptions.digest("reply"));

    assertThat(fake.messages(CHANNEL).get(1).threadTs()).contains(root);
  }

  @Test
  @DisplayName("429 with Retry-After: one message in the end, posted after the wait")
  void rateLimitedThenPosted() throws Exception {
    fake.script("chat.postMessage", Scripted.rateLimited(1));

    gateway.post(DIGEST, Message.of(DailyPosts.shareCard()), PostOptions.digest("rl:1"));

    List<RecordedCall> calls = fake.calls("chat.postMessage");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).status()).isEqualTo(429);
    assertThat(calls.get(1).ok()).isTrue();
    assertThat(fake.messages(CHANNEL)).hasSize(1);
    // a lower bound only: the retry cannot have come before Slack's Retry-After
    assertThat(calls.get(1).atNanos() - calls.get(0).atNanos()).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  @DisplayName("a Retry-After longer than the gateway waits in place becomes RATE_LIMITED with that delay")
  void rateLimitedTooLong() {
    fake.script("chat.postMessage", Scripted.rateLimited(120));

    assertThatThrownBy(() -> gateway.post(DIGEST, Message.of(DailyPosts.shareCard()), PostOptions.digest("rl:2")))
        .isInstanceOfSatisfying(PostException.class, e -> {
          assertThat(e.kind()).isEqualTo(PostException.Kind.RATE_LIMITED);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
          assertThat(e.platformCode()).isEqualTo("ratelimited");
        });
    assertThat(fake.messages(CHANNEL)).isEmpty();
  }

  @Test
  @DisplayName("429 after 429: the gateway waits out at most three, then hands the delay to the worker")
  void rateLimitedRepeatedly() {
    fake.script("chat.postMessage", Scripted.rateLimited(0), Scripted.rateLimited(0), Scripted.rateLimited(0),
        Scripted.rateLimited(0));

    assertThatThrownBy(() -> gateway.post(DIGEST, Message.of(DailyPosts.shareCard()), PostOptions.digest("rl:3")))
        .isInstanceOfSatisfying(PostException.class, e -> assertThat(e.kind()).isEqualTo(PostException.Kind.RATE_LIMITED));
    assertThat(fake.calls("chat.postMessage")).hasSize(4);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("C0GONE", null, PostException.Kind.CHANNEL_GONE, "channel_not_found"),
        Arguments.of("C0OUTSIDE", null, PostException.Kind.FORBIDDEN, "not_in_channel"),
        Arguments.of("C0ARCHIVED", null, PostException.Kind.FORBIDDEN, "is_archived"),
        Arguments.of(CHANNEL, Scripted.error("invalid_blocks"), PostException.Kind.PERMANENT, "invalid_blocks"),
        Arguments.of(CHANNEL, Scripted.error("msg_blocks_too_long"), PostException.Kind.PERMANENT, "msg_blocks_too_long"),
        Arguments.of(CHANNEL, Scripted.error("internal_error"), PostException.Kind.TRANSIENT, "internal_error"),
        Arguments.of(CHANNEL, Scripted.httpStatus(503), PostException.Kind.TRANSIENT, "internal_error"));
  }

  @ParameterizedTest(name = "{0} {1} → {2} ({3})")
  @MethodSource("failures")
  @DisplayName("Slack's errors are surfaced with Slack's code and classified for the worker")
  void failuresClassified(String channel, Scripted scripted, PostException.Kind kind, String code) {
    if (scripted != null) {
      fake.script("chat.postMessage", scripted);
    }
    ChannelRef where = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, channel);

    assertThatThrownBy(() -> gateway.post(where, Message.of(DailyPosts.shareCard()), PostOptions.digest("e")))
        .isInstanceOfSatisfying(PostException.class, e -> {
          assertThat(e.kind()).isEqualTo(kind);
          assertThat(e.platformCode()).isEqualTo(code);
          assertThat(e.getMessage()).contains(where.key()).contains(code);
        });
  }

  /** Every text of every text object, in document order. */
  static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject() && node.path("text").isTextual()) {
      out.add(node.get("text").asText());
    }
    node.forEach(child -> collect(child, out));
  }

  private static ChannelRef inThread(ChannelRef channel, String ts) {
    return new ChannelRef(channel.platform(), channel.workspace(), channel.channel(), Optional.of(ts));
  }
}
