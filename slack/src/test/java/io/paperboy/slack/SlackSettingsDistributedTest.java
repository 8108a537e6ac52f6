package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SlackSettings for a distributed app: client id and secret together, HTTP mode, no bot token needed")
class SlackSettingsDistributedTest {

  @Test
  @DisplayName("client id + secret + signing secret: distributed, HTTP mode, nothing missing")
  void distributed() {
    SlackSettings s = SlackSettings.fromEnvironment(Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "x",
        "SLACK_SIGNING_SECRET", "y"));

    assertThat(s.distributed()).isTrue();
    assertThat(s.missing()).isEmpty();
    assertThat(s.mode()).contains(SlackSettings.Mode.HTTP);
    assertThat(s.toString()).contains("clientId=1.2").contains("clientSecret=set").doesNotContain("=x");
  }

  @Test
  @DisplayName("half the credentials, or no signing secret: the missing variable is named")
  void incomplete() {
    assertThat(SlackSettings.fromEnvironment(Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_SIGNING_SECRET", "y")).missing())
        .hasValueSatisfying(m -> assertThat(m).startsWith("SLACK_CLIENT_SECRET is not set"));
    assertThat(SlackSettings.fromEnvironment(Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "x")).missing())
        .hasValueSatisfying(m -> assertThat(m).startsWith("SLACK_SIGNING_SECRET is not set"));
  }

  @Test
  @DisplayName("a single-workspace bot token works as before")
  void singleWorkspace() {
    SlackSettings s = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "y"));

    assertThat(s.distributed()).isFalse();
    assertThat(s.missing()).isEmpty();
    assertThat(s.mode()).contains(SlackSettings.Mode.HTTP);
  }
}
