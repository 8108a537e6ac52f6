package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.command.CommandService;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.SignedRequests;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SlackAdapter: the mode the secrets select, against the fake Slack")
class SlackAdapterTest {

  private final CommandService commands = TestCommands.create().service();

  @AfterEach
  void stop() {
    commands.close();
  }

  @Test
  @DisplayName("bot + app token: Socket Mode; the gateway posts through the same Web API URL")
  void socketMode() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER)) {
      SlackSettings settings = settings(fake, Optional.of(FakeSlack.APP_TOKEN), Optional.empty());
      try (SlackAdapter slack = SlackAdapter.start(settings, commands, Clock.systemUTC())) {
        assertThat(slack.mode()).isEqualTo(SlackSettings.Mode.SOCKET);
        assertThat(slack.eventsUrl()).isEmpty();
        assertThat(fake.socketMode().awaitConnection(Duration.ofSeconds(10))).isTrue();

        slack.gateway().post(ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C1"), Message.of(DailyPosts.shareCard()),
            PostOptions.digest("k"));

        assertThat(fake.messages("C1")).hasSize(1);
      }
    }
  }

  @Test
  @DisplayName("bot token + signing secret: HTTP mode on the configured address")
  void httpMode() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER)) {
      SlackSettings settings = settings(fake, Optional.empty(), Optional.of("secret"));
      try (SlackAdapter slack = SlackAdapter.start(settings, commands, Clock.systemUTC())) {
        assertThat(slack.mode()).isEqualTo(SlackSettings.Mode.HTTP);
        String body = SignedRequests.slashCommand("/paper", "2406.04325", "U1", "C1", fake.responseUrl("a"));

        SignedRequests.Answer answer = new SignedRequests("secret").post(slack.eventsUrl().orElseThrow(), body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("2406.04325");
      }
    }
  }

  @Test
  @DisplayName("a missing secret: not started, and the message names the variable")
  void missingSecret() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      SlackSettings settings = settings(fake, Optional.empty(), Optional.empty());

      assertThatThrownBy(() -> SlackAdapter.start(settings, commands, Clock.systemUTC()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SLACK_APP_TOKEN").hasMessageContaining("SLACK_SIGNING_SECRET");
      assertThat(fake.calls("auth.test")).isEmpty();
    }
  }

  @Test
  @DisplayName("a bot token Slack refuses stops the start with Slack's error")
  void refusedToken() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      SlackSettings settings = new SlackSettings(Optional.of("xoxb-wrong"), Optional.empty(), Optional.of("secret"),
          fake.apiUrl(), "127.0.0.1", 0, Map.of(), Set.of());

      assertThatThrownBy(() -> SlackAdapter.start(settings, commands, Clock.systemUTC()))
          .hasMessageContaining("invalid_auth");
    }
  }

  private static SlackSettings settings(FakeSlack fake, Optional<String> appToken, Optional<String> secret) {
    return new SlackSettings(Optional.of(FakeSlack.BOT_TOKEN), appToken, secret, fake.apiUrl(), "127.0.0.1", 0,
        Map.of(), Set.of());
  }
}
