package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.FakeTeam;
import io.paperboy.testkit.slack.PostedMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fake Slack in many workspaces: each token belongs to one team and sees only that team")
class FakeSlackWorkspacesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static MethodsClient client(FakeSlack fake, String token) {
    return SlackClients.create(fake.apiUrl()).methods(token);
  }

  @Test
  @DisplayName("auth.test answers each token's own team, bot user and bot; an unknown token is invalid_auth")
  void authTest() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      FakeTeam second = fake.addTeam("T0SECOND", "Second Workspace");
      AuthTestResponse first = client(fake, FakeSlack.BOT_TOKEN).authTest(r -> r);
      AuthTestResponse other = client(fake, fake.botToken(second.id())).authTest(r -> r);

      assertThat(first.isOk()).isTrue();
      assertThat(first.getTeamId()).isEqualTo(FakeSlack.TEAM_ID);
      assertThat(first.getUserId()).isEqualTo(FakeSlack.BOT_USER_ID);
      assertThat(first.getBotId()).isEqualTo(FakeSlack.BOT_ID);
      assertThat(other.getTeamId()).isEqualTo("T0SECOND");
      assertThat(other.getTeam()).isEqualTo("Second Workspace");
      assertThat(other.getUrl()).isEqualTo("https://second-workspace.slack.com/");
      assertThat(other.getUserId()).isEqualTo(second.botUserId()).isNotEqualTo(FakeSlack.BOT_USER_ID);
      assertThat(other.getBotId()).isEqualTo(second.botId());
      assertThat(client(fake, "xoxb-never-issued").authTest(r -> r).getError()).isEqualTo("invalid_auth");
      assertThat(client(fake, FakeSlack.APP_TOKEN).authTest(r -> r).getError()).isEqualTo("not_allowed_token_type");
    }
  }

  @Test
  @DisplayName("a token posts only to its own team's channels; messages, users and history are kept per team")
  void isolation() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C0FIRST", FakeSlack.Membership.MEMBER).user("U0A", false, false)) {
      FakeTeam second = fake.addTeam("T0SECOND", "Second Workspace")
          .channel("C0SECOND", FakeSlack.Membership.MEMBER).user("U0B", true, false);
      MethodsClient first = client(fake, FakeSlack.BOT_TOKEN);
      MethodsClient other = client(fake, fake.botToken(second.id()));

      assertThat(first.chatPostMessage(r -> r.channel("C0SECOND").text("wrong team")).getError()).isEqualTo("channel_not_found");
      ChatPostMessageResponse posted = other.chatPostMessage(r -> r.channel("C0SECOND").text("hello second"));
      assertThat(posted.isOk()).isTrue();
      assertThat(other.chatPostMessage(r -> r.channel("C0FIRST").text("wrong team")).getError()).isEqualTo("channel_not_found");
      assertThat(first.chatPostMessage(r -> r.channel("C0FIRST").text("hello first")).isOk()).isTrue();

      assertThat(second.messages("C0SECOND")).singleElement().satisfies(m -> {
        assertThat(m.text()).isEqualTo("hello second");
        assertThat(m.teamId()).isEqualTo("T0SECOND");
      });
      assertThat(fake.messages("C0SECOND")).as("the default team has no such channel").isEmpty();
      assertThat(fake.defaultTeam().allMessages()).extracting(PostedMessage::text).containsExactly("hello first");
      assertThat(fake.allMessages()).hasSize(2);

      assertThat(first.usersInfo(r -> r.user("U0B")).getError()).isEqualTo("user_not_found");
      assertThat(other.usersInfo(r -> r.user("U0B")).getUser().getTeamId()).isEqualTo("T0SECOND");
      var history = other.conversationsHistory(r -> r.channel("C0SECOND"));
      assertThat(history.getMessages()).singleElement().satisfies(m -> {
        assertThat(m.getUser()).isEqualTo(second.botUserId());
        assertThat(m.getBotId()).isEqualTo(second.botId());
        assertThat(m.getTs()).isEqualTo(posted.getTs());
      });
    }
  }

  @Test
  @DisplayName("revoked or uninstalled: the team's tokens answer token_revoked, other teams' work; the events name the team")
  void revokeAndUninstall() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      FakeTeam second = fake.addTeam("T0SECOND", "Second Workspace");
      MethodsClient first = client(fake, FakeSlack.BOT_TOKEN);
      MethodsClient other = client(fake, fake.botToken(second.id()));

      JsonNode revoked = JSON.readTree(fake.revokeTokens(second.id()));
      assertThat(other.authTest(r -> r).getError()).isEqualTo("token_revoked");
      assertThat(first.authTest(r -> r).isOk()).isTrue();
      assertThat(revoked.path("type").asText()).isEqualTo("event_callback");
      assertThat(revoked.path("team_id").asText()).isEqualTo("T0SECOND");
      assertThat(revoked.path("api_app_id").asText()).isEqualTo(FakeSlack.APP_ID);
      assertThat(revoked.at("/event/type").asText()).isEqualTo("tokens_revoked");
      assertThat(revoked.at("/event/tokens/bot")).extracting(JsonNode::asText).containsExactly(second.botUserId());
      assertThat(revoked.path("event_id").asText()).startsWith("Ev");

      JsonNode uninstalled = JSON.readTree(fake.uninstall(FakeSlack.TEAM_ID));
      assertThat(first.authTest(r -> r).getError()).isEqualTo("token_revoked");
      assertThat(uninstalled.at("/event/type").asText()).isEqualTo("app_uninstalled");
      assertThat(uninstalled.path("team_id").asText()).isEqualTo(FakeSlack.TEAM_ID);
    }
  }
}
