package io.paperboy.slack.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.slack.SlackInstallation;
import io.paperboy.store.slack.SlackInstallationStore;
import io.paperboy.store.slack.SlackWorkspaceKey;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.FakeTeam;
import io.paperboy.testkit.slack.SignedRequests;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed app end to end: real Bolt in HTTP mode as an OAuth app, its installations and
 * states in a real SQLite file, against the fake Slack with two workspaces.
 */
@DisplayName("Slack distribution: install flow, two workspaces, uninstall and reinstall, refused states")
class SlackDistributionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ONE = "T0ONE";
  private static final String TWO = "T0TWO";

  @TempDir
  Path dir;

  private DistributedFixture app;
  private FakeTeam one;
  private FakeTeam two;

  /** Answers with where it was asked and whether the caller may manage, so workspaces can be told apart. */
  private static final class WhereAmI implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("whereami", "Where this command ran");
    }

    @Override
    public Message handle(CommandRequest request) {
      return Message.ephemeralText("in " + request.channel().key() + " manager=" + request.caller().canManage());
    }
  }

  @BeforeEach
  void start() throws Exception {
    app = new DistributedFixture(dir, new CommandRegistry(List.of(new WhereAmI())));
    one = app.fake.addTeam(ONE, "One").channel("C1", FakeSlack.Membership.MEMBER).user("U1ADMIN", true, false);
    two = app.fake.addTeam(TWO, "Two").channel("C1", FakeSlack.Membership.MEMBER).user("U2ADMIN", true, false);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private SlackInstallation installed(String team) {
    return app.stores.slackInstallations().find(SlackWorkspaceKey.team(team)).orElseThrow();
  }

  private JsonNode command(String team, String user) throws Exception {
    SignedRequests.Answer answer = app.signed.post(app.url("/slack/events"),
        SignedRequests.slashCommand(team, "/whereami", "", user, "C1", app.fake.responseUrl(team + user)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  @Test
  @DisplayName("GET /slack/install redirects to Slack's authorize page with the manifest's scopes and a one-time state")
  void installRedirect() throws Exception {
    DistributedFixture.Page start = app.startInstall();

    String location = start.location().orElseThrow();
    assertThat(location).startsWith("https://slack.com/oauth/v2/authorize?client_id=" + FakeSlack.CLIENT_ID + "&");
    String scope = URLDecoder.decode(location.replaceFirst(".*[?&]scope=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    assertThat(scope.split(",")).containsExactlyElementsOf(SlackDistribution.BOT_SCOPES);
    String state = DistributedFixture.state(start);
    assertThat(state).hasSizeGreaterThan(20);
    assertThat(start.cookie()).contains("slack-app-oauth-state=" + state);
    assertThat(app.startInstall().location().orElseThrow()).doesNotContain(state);
  }

  @Test
  @DisplayName("the redirect exchanges the code, stores the installation in the database and says installed")
  void installStores() throws Exception {
    DistributedFixture.Page done = app.finishInstall(app.startInstall(), ONE, "U1ADMIN");

    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("Paperboy is installed in workspace " + ONE);
    SlackInstallation i = installed(ONE);
    assertThat(i.botUserId()).isEqualTo(one.botUserId());
    assertThat(i.botId()).contains(one.botId());
    assertThat(i.installerUserId()).isEqualTo("U1ADMIN");
    assertThat(i.botToken()).startsWith("xoxb-");
    assertThat(app.fake.calls("oauth.v2.access")).hasSize(1);
  }

  @Test
  @DisplayName("a made-up, a reused and an expired state are refused (400) and install nothing")
  void statesRefused() throws Exception {
    DistributedFixture.Page start = app.startInstall();
    String code = app.fake.issueCode(ONE, "U1ADMIN");
    DistributedFixture.Page forged = app.get(SlackDistribution.REDIRECT_PATH + "?code=" + code + "&state=made-up",
        Optional.of("slack-app-oauth-state=made-up"));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body()).contains("invalid, used or expired");

    assertThat(app.finishInstall(start, ONE, "U1ADMIN").status()).isEqualTo(200);
    DistributedFixture.Page reused = app.finishInstall(start, TWO, "U2ADMIN");
    assertThat(reused.status()).isEqualTo(400);

    DistributedFixture.Page late = app.startInstall();
    app.clock.advance(Duration.ofMinutes(11));
    assertThat(app.finishInstall(late, TWO, "U2ADMIN").status()).isEqualTo(400);

    assertThat(app.stores.slackInstallations().all()).extracting(i -> i.key().workspace()).containsExactly(ONE);
    assertThat(app.fake.calls("oauth.v2.access")).as("refused states never reach Slack").hasSize(1);
  }

  @Test
  @DisplayName("two workspaces: each command is answered with its own workspace's token, each post goes out with it")
  void twoWorkspaces() throws Exception {
    app.install(ONE);
    app.install(TWO);
    String tokenOne = installed(ONE).botToken();
    String tokenTwo = installed(TWO).botToken();
    assertThat(tokenOne).isNotEqualTo(tokenTwo);

    assertThat(command(ONE, "U1ADMIN").path("text").asText()).isEqualTo("in slack:" + ONE + ":C1 manager=true");
    assertThat(command(TWO, "U2ADMIN").path("text").asText()).isEqualTo("in slack:" + TWO + ":C1 manager=true");
    // the manager check asked each workspace with that workspace's token
    assertThat(app.fake.counts("users.info", tokenOne).calls()).isEqualTo(1);
    assertThat(app.fake.counts("users.info", tokenTwo).calls()).isEqualTo(1);

    app.gateway.post(ChannelRef.of(Platform.SLACK, ONE, "C1"), Message.builder().text("hello one").build(), PostOptions.digest("k1"));
    app.gateway.post(ChannelRef.of(Platform.SLACK, TWO, "C1"), Message.builder().text("hello two").build(), PostOptions.digest("k2"));
    assertThat(one.messages("C1")).extracting(m -> m.text()).containsExactly("hello one");
    assertThat(two.messages("C1")).extracting(m -> m.text()).containsExactly("hello two");
    assertThat(app.fake.counts("chat.postMessage", tokenOne).calls()).isEqualTo(1);
    assertThat(app.fake.counts("chat.postMessage", tokenTwo).calls()).isEqualTo(1);
  }

  @Test
  @DisplayName("app_uninstalled deletes the installation and pauses that workspace only; reinstalling resumes it")
  void uninstallAndReinstall() throws Exception {
    app.install(ONE);
    app.install(TWO);
    var subscriptions = app.stores.subscriptions();
    for (String team : List.of(ONE, TWO)) {
      subscriptions.save(Subscription.of(ChannelRef.of(Platform.SLACK, team, "C1"), LocalTime.of(9, 0),
          ZoneId.of("Asia/Seoul"), DaySet.WEEKDAYS, app.clock.instant()), app.clock.instant());
    }

    SignedRequests.Answer answer = app.signed.postJson(app.url("/slack/events"), app.fake.uninstall(ONE));

    assertThat(answer.statusCode()).isEqualTo(200);
    DistributedFixture.await(() -> app.stores.slackInstallations().find(SlackWorkspaceKey.team(ONE)).isEmpty(),
        "the uninstalled workspace's installation is deleted");
    Subscription paused = subscriptions.find(ChannelRef.of(Platform.SLACK, ONE, "C1")).orElseThrow();
    assertThat(paused.paused()).isTrue();
    assertThat(paused.pauseReason()).contains(SlackInstallationStore.UNINSTALLED_REASON);
    assertThat(subscriptions.find(ChannelRef.of(Platform.SLACK, TWO, "C1")).orElseThrow().paused()).isFalse();
    assertThatThrownBy(() -> app.gateway.post(ChannelRef.of(Platform.SLACK, ONE, "C1"), Message.builder().text("x").build(),
        PostOptions.digest("k3")))
        .isInstanceOfSatisfying(PostException.class, e -> {
          assertThat(e.kind()).isEqualTo(PostException.Kind.FORBIDDEN);
          assertThat(e.platformCode()).isEqualTo("not_installed");
        });
    app.gateway.post(ChannelRef.of(Platform.SLACK, TWO, "C1"), Message.builder().text("still two").build(), PostOptions.digest("k4"));
    assertThat(two.messages("C1")).extracting(m -> m.text()).containsExactly("still two");

    app.install(ONE);

    assertThat(subscriptions.find(ChannelRef.of(Platform.SLACK, ONE, "C1")).orElseThrow().paused()).isFalse();
    app.gateway.post(ChannelRef.of(Platform.SLACK, ONE, "C1"), Message.builder().text("back").build(), PostOptions.digest("k5"));
    assertThat(one.messages("C1")).extracting(m -> m.text()).containsExactly("back");
  }

  @Test
  @DisplayName("tokens_revoked deletes the workspace's installation and pauses its subscriptions")
  void tokensRevoked() throws Exception {
    app.install(ONE);
    app.stores.subscriptions().save(Subscription.of(ChannelRef.of(Platform.SLACK, ONE, "C1"), LocalTime.of(9, 0),
        ZoneId.of("Asia/Seoul"), DaySet.WEEKDAYS, app.clock.instant()), app.clock.instant());

    assertThat(app.signed.postJson(app.url("/slack/events"), app.fake.revokeTokens(ONE)).statusCode()).isEqualTo(200);

    DistributedFixture.await(() -> app.stores.slackInstallations().all().isEmpty(), "the installation is deleted");
    assertThat(app.stores.subscriptions().find(ChannelRef.of(Platform.SLACK, ONE, "C1")).orElseThrow().paused())
        .isTrue();
  }
}
