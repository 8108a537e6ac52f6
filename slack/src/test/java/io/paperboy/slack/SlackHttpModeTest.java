package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.testkit.slack.SignedRequests;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Slack HTTP mode: real Bolt behind Jetty, signed requests, against the fake Slack")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackHttpModeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpModeFixture slack;

  @BeforeAll
  void start() throws Exception {
    slack = HttpModeFixture.start();
  }

  @AfterAll
  void stop() throws Exception {
    slack.close();
  }

  @Test
  @DisplayName("a correctly signed /paper 2406.04325 is answered with the card's blocks in the ack")
  void signedPaperCommand() throws Exception {
    int before = slack.commands.handled.size();

    SignedRequests.Answer answer = slack.command("/paper", "2406.04325", "U0MEMBER", "paper-1");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode ack = JSON.readTree(answer.body());
    assertThat(ack.path("response_type").asText()).isEqualTo("in_channel");
    JsonNode blocks = ack.path("blocks");
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
    assertThat(blocks.get(0).path("text").path("text").asText())
        .startsWith("*1. <https://arxiv.org/abs/2406.04325|Captions &amp; Clips: Better &lt;Video&gt;");
    assertThat(blocks.get(0).path("accessory").path("image_url").asText()).endsWith("/2406.04325.png");
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("context");
    assertThat(ack.path("text").asText()).contains("Captions &amp; Clips");
    // the command saw who and where, scoped by the workspace
    CommandRequest seen = slack.commands.handled.get(before);
    assertThat(seen.command()).isEqualTo("paper");
    assertThat(seen.options()).containsEntry("id", "2406.04325");
    assertThat(seen.caller().userId()).isEqualTo("U0MEMBER");
    assertThat(seen.caller().canManage()).isFalse();
    assertThat(seen.channel()).isEqualTo(ChannelRef.of(Platform.SLACK, "T0PAPER", HttpModeFixture.CHANNEL));
    assertThat(seen.now()).isEqualTo(HttpModeFixture.NOW);
  }

  @Test
  @DisplayName("the umbrella /paperboy paper … answers like /paper, and a link typed as <url> still parses")
  void umbrella() throws Exception {
    JsonNode direct = JSON.readTree(slack.command("/paper", "2406.04325", "U0MEMBER", "u-1").body());

    JsonNode umbrella = JSON.readTree(
        slack.command("/paperboy", "paper <https://arxiv.org/abs/2406.04325>", "U0MEMBER", "u-2").body());

    assertThat(umbrella.path("blocks")).isEqualTo(direct.path("blocks"));
  }

  @Test
  @DisplayName("a bad argument is answered, only to the caller, with the command's usage")
  void badArgument() throws Exception {
    JsonNode missing = JSON.readTree(slack.command("/paper", "", "U0MEMBER", "bad-1").body());
    JsonNode typed = JSON.readTree(slack.command("/paperboy", "digest 2024-13-45", "U0MEMBER", "bad-2").body());
    JsonNode renamed = JSON.readTree(slack.command("/papers-digest", "n:zero", "U0MEMBER", "bad-3").body());

    assertThat(missing.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(sectionText(missing)).contains("Missing `id`").contains("Usage: `/paper &lt;id&gt;`"); // mrkdwn: Slack shows <id>
    assertThat(sectionText(typed)).contains("not a real date").contains("`/paperboy digest [today|yesterday");
    assertThat(sectionText(renamed)).contains("`n` must be a whole number").contains("`/papers-digest [today");
  }

  @Test
  @DisplayName("quoted strings and typed values reach the command parsed")
  void typedValues() throws Exception {
    int before = slack.commands.handled.size();

    slack.command("/subscribe", "time:\"07:30\"", "U0ADMIN", "typed-1");
    slack.command("/papers-digest", "yesterday n:5", "U0MEMBER", "typed-2");
    slack.fake.awaitResponses("typed-2", 1, Duration.ofSeconds(10)); // a slow command: handled after the ack

    List<CommandRequest> seen = slack.commands.handled.subList(before, before + 2);
    assertThat(seen.get(0).options()).containsEntry("time", "07:30");
    assertThat(seen.get(1).options()).containsEntry("date", "yesterday").containsEntry("n", 5L);
  }

  @Test
  @DisplayName("a slow command is acknowledged empty at once and answered through response_url")
  void slowCommand() throws Exception {
    SignedRequests.Answer ack = slack.command("/papers-digest", "", "U0MEMBER", "slow-1");

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    List<JsonNode> responses = slack.fake.awaitResponses("slow-1", 1, Duration.ofSeconds(10));
    assertThat(responses).hasSize(1);
    JsonNode response = responses.get(0);
    assertThat(response.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(response.path("blocks").get(0).path("type").asText()).isEqualTo("header");
    assertThat(response.toString()).contains("2406.04325").contains("2406.04314");
  }

  @Test
  @DisplayName("a command slower than the ack budget is acknowledged, then answered through response_url")
  void overrunningCommand() throws Exception {
    try (HttpModeFixture quick = HttpModeFixture.start(Duration.ofMillis(100))) {
      SignedRequests.Answer ack = quick.command("/stuck", "", "U0MEMBER", "stuck-1");
      assertThat(ack.statusCode()).isEqualTo(200);
      assertThat(ack.body()).isEmpty();
      assertThat(quick.fake.responses("stuck-1")).isEmpty();

      quick.commands.release.countDown();

      List<JsonNode> responses = quick.fake.awaitResponses("stuck-1", 1, Duration.ofSeconds(10));
      assertThat(responses).singleElement()
          .satisfies(r -> assertThat(r.path("response_type").asText()).isEqualTo("ephemeral"))
          .satisfies(r -> assertThat(r.toString()).contains("Finally done."));
    }
  }

  @Test
  @DisplayName("a non-admin is refused a manager-only command, clearly and only to them")
  void nonAdminRefused() throws Exception {
    int before = slack.commands.handled.size();

    JsonNode answer = JSON.readTree(slack.command("/subscribe", "", "U0MEMBER", "mgr-1").body());

    assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(sectionText(answer)).contains("Only people who can manage this channel may use `/subscribe`");
    assertThat(slack.commands.handled).hasSize(before);
  }

  @Test
  @DisplayName("admins, owners and allow-listed users may run manager-only commands")
  void managersAllowed() throws Exception {
    for (String user : List.of("U0ADMIN", "U0OWNER", "U0ALLOWED")) {
      JsonNode answer = JSON.readTree(slack.command("/subscribe", "08:00", user, "mgr-" + user).body());
      assertThat(sectionText(answer)).as(user).isEqualTo("Subscribed `slack:T0PAPER:C0PAPERS` at 08:00.");
    }
    // the allow-list is answered without asking Slack
    assertThat(slack.fake.calls("users.info")).noneMatch(c -> "U0ALLOWED".equals(c.params().get("user")));
  }

  @Test
  @DisplayName("workspaces never share settings: another team's command is scoped to it, and its managers are its own")
  void workspacesApart() throws Exception {
    slack.command("/subscribe", "", "U0ADMIN", "ws-1");
    int lookups = slack.fake.calls("users.info").size();
    String other = SignedRequests.slashCommand("T0OTHER", "/subscribe", "10:00", "U0ADMIN", "C0ELSEWHERE",
        slack.fake.responseUrl("ws-2"));

    JsonNode answer = JSON.readTree(slack.requests.post(slack.events(), other).body());

    assertThat(sectionText(answer)).isEqualTo("Subscribed `slack:T0OTHER:C0ELSEWHERE` at 10:00.");
    // being an admin in one workspace is not remembered for another: Slack is asked again
    assertThat(slack.fake.calls("users.info")).hasSize(lookups + 1);
  }

  @Test
  @DisplayName("/paperboy alone lists the commands under their Slack names")
  void overview() throws Exception {
    JsonNode answer = JSON.readTree(slack.command("/paperboy", "", "U0MEMBER", "help-1").body());

    assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.toString()).contains("/paper &lt;id&gt;").contains("/papers-digest [today")
        .contains("/subscribe [time]").doesNotContain("`/digest");
    assertThat(slack.bot.slashCommands())
        .containsExactly("/paper", "/papers-digest", "/subscribe", "/stuck", "/paperboy");
  }

  static Stream<Arguments> badlySigned() {
    SignedRequests signer = new SignedRequests(HttpModeFixture.SIGNING_SECRET);
    SignedRequests forger = new SignedRequests("not-the-signing-secret");
    String body = SignedRequests.slashCommand("/subscribe", "06:00", "U0ADMIN", HttpModeFixture.CHANNEL,
        "http://127.0.0.1:9/response/forged");
    String changed = body.replace("06%3A00", "23%3A00");
    String now = String.valueOf(Instant.now().getEpochSecond());
    String stale = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());
    return Stream.of(
        Arguments.of("forged signature", body, Optional.of(now), Optional.of(forger.signature(now, body))),
        Arguments.of("body changed after signing", changed, Optional.of(now), Optional.of(signer.signature(now, body))),
        Arguments.of("timestamp older than 5 minutes", body, Optional.of(stale), Optional.of(signer.signature(stale, body))),
        Arguments.of("no signature header", body, Optional.of(now), Optional.empty()),
        Arguments.of("no timestamp header", body, Optional.empty(), Optional.of(signer.signature(now, body))),
        Arguments.of("no headers at all", body, Optional.empty(), Optional.empty()));
  }

  @ParameterizedTest(name = "{0} → 401, no side effect")
  @MethodSource("badlySigned")
  @DisplayName("badly signed requests get 401 and cause no side effect")
  void badlySignedRequests(String why, String body, Optional<String> timestamp, Optional<String> signature)
      throws Exception {
    int handled = slack.commands.handled.size();
    int lookups = slack.fake.calls("users.info").size();

    SignedRequests.Answer answer = slack.requests.post(slack.events(), body, timestamp, signature);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(slack.commands.handled).hasSize(handled);
    assertThat(slack.fake.calls("users.info")).hasSize(lookups);
    assertThat(slack.fake.calls("chat.postMessage")).isEmpty();
  }

  private static String sectionText(JsonNode answer) {
    return answer.path("blocks").get(0).path("text").path("text").asText();
  }
}
