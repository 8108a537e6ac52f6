package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.core.command.CommandService;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.RecordedCall;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack Socket Mode: real Bolt and Java-WebSocket against the fake's WebSocket")
class SlackSocketModeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("a slash-command envelope from the WebSocket is answered with the right payload")
  void envelopeAnswered() throws Exception {
    // GIVEN a bot with an app-level token, connected through the fake
    try (FakeSlack fake = FakeSlack.start().channel("C0PAPERS", FakeSlack.Membership.MEMBER).user("U0MEMBER", false, false)) {
      TestCommands commands = TestCommands.create();
      SlackSettings settings = new SlackSettings(Optional.of(FakeSlack.BOT_TOKEN), Optional.of(FakeSlack.APP_TOKEN),
          Optional.empty(), fake.apiUrl(), "127.0.0.1", 0, Map.of(), Set.of());
      assertThat(settings.mode()).contains(SlackSettings.Mode.SOCKET);
      try (CommandService service = commands.service();
           SlackSocketMode socket = SlackSocketMode.start(
               new SlackBot(settings, service, SlackClients.create(fake.apiUrl()), Clock.systemUTC()), FakeSlack.APP_TOKEN)) {
        // the client really opened the WebSocket that the fake's apps.connections.open handed out
        assertThat(fake.socketMode().awaitConnection(Duration.ofSeconds(10))).isTrue();

        // WHEN Slack sends /paper 2406.04325 as an envelope
        fake.socketMode().send(envelope("env-paper-1", "/paper", "2406.04325", fake.responseUrl("sm-1")));

        // THEN Bolt acknowledges that envelope with the card as its payload
        JsonNode reply = fake.socketMode().awaitReply("env-paper-1", Duration.ofSeconds(10)).orElseThrow();
        JsonNode payload = reply.path("payload");
        assertThat(payload.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(payload.path("blocks").get(0).path("text").path("text").asText())
            .startsWith("*1. <https://arxiv.org/abs/2406.04325|Captions &amp; Clips");
        assertThat(commands.handled).singleElement()
            .satisfies(r -> assertThat(r.channel().key()).isEqualTo("slack:T0PAPER:C0PAPERS"));

        // AND a slow command is acked empty, then answered through response_url
        fake.socketMode().send(envelope("env-digest-1", "/paperboy", "digest today", fake.responseUrl("sm-2")));
        JsonNode ack = fake.socketMode().awaitReply("env-digest-1", Duration.ofSeconds(10)).orElseThrow();
        assertThat(ack.has("payload")).isFalse();
        assertThat(fake.awaitResponses("sm-2", 1, Duration.ofSeconds(10))).hasSize(1);

        // AND the connection was opened with the app-level token, the bot checked with the bot token
        List<RecordedCall> opens = fake.calls("apps.connections.open");
        assertThat(opens).isNotEmpty().allMatch(RecordedCall::ok);
        assertThat(opens.get(0).headers().get("authorization")).containsExactly("Bearer " + FakeSlack.APP_TOKEN);
        assertThat(fake.calls("auth.test")).isNotEmpty().allMatch(RecordedCall::ok);
      }
    }
  }

  private static String envelope(String id, String command, String text, String responseUrl) {
    ObjectNode envelope = JSON.createObjectNode()
        .put("envelope_id", id).put("type", "slash_commands").put("accepts_response_payload", true);
    envelope.putObject("payload")
        .put("token", "deprecated-verification-token").put("team_id", FakeSlack.TEAM_ID)
        .put("team_domain", "paperboy-test").put("channel_id", "C0PAPERS").put("channel_name", "papers")
        .put("user_id", "U0MEMBER").put("user_name", "member").put("command", command).put("text", text)
        .put("api_app_id", FakeSlack.APP_ID).put("is_enterprise_install", "false")
        .put("response_url", responseUrl).put("trigger_id", "1.2.3");
    return envelope.toString();
  }
}
