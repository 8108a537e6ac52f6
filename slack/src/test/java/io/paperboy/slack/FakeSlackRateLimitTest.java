package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import io.paperboy.testkit.slack.CallCounts;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.FakeTeam;
import io.paperboy.testkit.slack.Scripted;
import io.paperboy.testkit.slack.SlackLimits;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real sync {@code MethodsClient} against the fake's Slack rate limits. The sync client does
 * not retry a 429 — it throws {@link SlackApiException} with the answer — so each refusal is seen
 * here exactly as the fake counted it.
 */
@DisplayName("The fake Slack's rate limits through the real client: tiers, chat.postMessage per channel, 429 ratelimited")
class FakeSlackRateLimitTest {

  private static MethodsClient client(FakeSlack fake, String token) {
    return SlackClients.create(fake.apiUrl()).methods(token);
  }

  /** Posts to {@code channel}: true when accepted, false when answered 429 (checking Slack's 429 shape). */
  private static boolean post(MethodsClient client, String channel) throws Exception {
    try {
      assertThat(client.chatPostMessage(r -> r.channel(channel).text("hello")).isOk()).isTrue();
      return true;
    } catch (SlackApiException e) {
      assertRateLimited(e);
      return false;
    }
  }

  private static void assertRateLimited(SlackApiException e) {
    assertThat(e.getResponse().code()).isEqualTo(429);
    assertThat(e.getResponse().header("Retry-After")).matches("[1-9]\\d*");
    assertThat(e.getError().getError()).isEqualTo("ratelimited");
    assertThat(e.getError().isOk()).isFalse();
  }

  @Test
  @DisplayName("chat.postMessage: a burst of 3 to one channel, then 429 with Retry-After; another channel is not affected; after Retry-After it posts again")
  void postMessagePerChannel() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER)
        .channel("C2", FakeSlack.Membership.MEMBER).limits(SlackLimits.slack())) {
      MethodsClient client = client(fake, FakeSlack.BOT_TOKEN);
      for (int i = 0; i < 3; i++) {
        assertThat(post(client, "C1")).as("post " + i + " of the burst").isTrue();
      }
      int refused = 0;
      SlackApiException last = null;
      for (int i = 0; i < 3; i++) {
        try {
          client.chatPostMessage(r -> r.channel("C1").text("again"));
        } catch (SlackApiException e) {
          assertRateLimited(e);
          refused++;
          last = e;
        }
      }
      assertThat(refused).as("one message per second per channel").isPositive();
      assertThat(post(client, "C2")).as("the limit is per channel").isTrue();

      // wait as long as Slack says, as a client must
      TimeUnit.SECONDS.sleep(Long.parseLong(last.getResponse().header("Retry-After")));
      assertThat(post(client, "C1")).isTrue();

      CallCounts counts = fake.counts("chat.postMessage", FakeSlack.BOT_TOKEN);
      assertThat(counts.rateLimited()).isEqualTo(refused);
      assertThat(counts.calls()).isEqualTo(3 + 3 + 1 + 1);
      assertThat(fake.messages("C1")).hasSize(3 + (3 - refused) + 1);
    }
  }

  @Test
  @DisplayName("tier 3 (conversations.history): 50 at once, then 429 — counted per method and token")
  void tier3() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER).limits(SlackLimits.slack())) {
      MethodsClient client = client(fake, FakeSlack.BOT_TOKEN);
      for (int i = 0; i < SlackLimits.TIER_3; i++) {
        ConversationsHistoryResponse r = client.conversationsHistory(q -> q.channel("C1"));
        assertThat(r.isOk()).as("call " + i).isTrue();
      }
      int refused = 0;
      for (int i = 0; i < 5; i++) {
        try {
          client.conversationsHistory(q -> q.channel("C1"));
        } catch (SlackApiException e) {
          assertRateLimited(e);
          refused++;
        }
      }
      // the bucket refills 50/min: five more calls in well under 6 s meet at least one refusal
      assertThat(refused).isPositive();
      assertThat(fake.counts("conversations.history", FakeSlack.BOT_TOKEN)).isEqualTo(new CallCounts(55, refused));
      assertThat(fake.counts("conversations.history")).isEqualTo(new CallCounts(55, refused));
      assertThat(fake.counts("auth.test")).isEqualTo(new CallCounts(0, 0));
      assertThat(client.authTest(r -> r).isOk()).as("another method has its own tier").isTrue();
    }
  }

  @Test
  @DisplayName("a non-Marketplace distributed app: conversations.history 1 per minute, at most 15 messages")
  void nonMarketplace() throws Exception {
    SlackLimits limits = SlackLimits.slack().nonMarketplaceApp().withPosting(6_000, 100);
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER).limits(limits)) {
      MethodsClient client = client(fake, FakeSlack.BOT_TOKEN);
      for (int i = 0; i < 20; i++) {
        assertThat(post(client, "C1")).isTrue();
      }
      ConversationsHistoryResponse first = client.conversationsHistory(q -> q.channel("C1").limit(100));
      assertThat(first.getMessages()).hasSize(15);
      assertThat(first.isHasMore()).isTrue();

      assertThatThrownBy(() -> client.conversationsHistory(q -> q.channel("C1")))
          .isInstanceOfSatisfying(SlackApiException.class, e -> {
            assertRateLimited(e);
            assertThat(Long.parseLong(e.getResponse().header("Retry-After"))).isBetween(55L, 60L);
          });
      assertThat(client.conversationsReplies(q -> q.channel("C1").ts(first.getMessages().get(0).getTs())).isOk())
          .as("replies has the same limit, spent separately").isTrue();
    }
  }

  @Test
  @DisplayName("limits are per workspace: one team spending its quota leaves another's untouched")
  void perWorkspace() throws Exception {
    SlackLimits limits = SlackLimits.slack().withMethod("users.info", 2);
    try (FakeSlack fake = FakeSlack.start().user("U1", false, false).limits(limits)) {
      FakeTeam second = fake.addTeam("T0SECOND", "Second Workspace").user("U2", false, false);
      MethodsClient first = client(fake, FakeSlack.BOT_TOKEN);
      MethodsClient other = client(fake, fake.botToken(second.id()));
      first.usersInfo(r -> r.user("U1"));
      first.usersInfo(r -> r.user("U1"));
      assertThatThrownBy(() -> first.usersInfo(r -> r.user("U1"))).isInstanceOf(SlackApiException.class);

      assertThat(other.usersInfo(r -> r.user("U2")).isOk()).isTrue();
      assertThat(fake.counts("users.info", FakeSlack.BOT_TOKEN)).isEqualTo(new CallCounts(3, 1));
      assertThat(fake.counts("users.info", fake.botToken(second.id()))).isEqualTo(new CallCounts(1, 0));
    }
  }

  @Test
  @DisplayName("limits off (the default): 100 posts to one channel at once, none refused; a scripted 429 is still counted")
  void offByDefault() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER)) {
      MethodsClient client = client(fake, FakeSlack.BOT_TOKEN);
      for (int i = 0; i < 100; i++) {
        assertThat(post(client, "C1")).isTrue();
      }
      fake.script("chat.postMessage", Scripted.rateLimited(3));
      assertThatThrownBy(() -> client.chatPostMessage(r -> r.channel("C1").text("x")))
          .isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.getResponse().header("Retry-After")).isEqualTo("3"));
      assertThat(fake.counts("chat.postMessage", FakeSlack.BOT_TOKEN)).isEqualTo(new CallCounts(101, 1));
    }
  }
}
