package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.builtin.FileInstallationService;
import com.slack.api.bolt.servlet.SlackAppServlet;
import com.slack.api.bolt.servlet.SlackOAuthAppServlet;
import io.paperboy.core.net.NoDelaySocketFactory;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.FakeTeam;
import io.paperboy.testkit.slack.SignedRequests;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Bolt as an OAuth app ({@code asOAuthApp}, Bolt's file-backed installation store in a temp
 * directory) against the fake Slack: the install redirect exchanges the fake's code, Bolt's
 * token rotation refreshes against the fake on an incoming request, and the fake's
 * {@code tokens_revoked} and {@code app_uninstalled} events, signed like Slack's, reach Bolt's
 * revocation handlers.
 */
@DisplayName("Bolt as an OAuth app against the fake Slack: install, rotation, revocation and uninstall events")
class FakeSlackBoltInstallTest {

  private static final String SIGNING_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  private static final String COMPLETED = "https://paperboy.example/installed";

  @TempDir
  Path installations;

  private FakeSlack fake;
  private FakeTeam team;
  private RecordingInstallations store;
  private App app;
  private Server jetty;
  private ServerConnector connector;
  private final SignedRequests signed = new SignedRequests(SIGNING_SECRET);
  private final OkHttpClient http = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory())
      .followRedirects(false).build();

  /** Bolt's file store, telling the test when Bolt deleted something. */
  private static final class RecordingInstallations extends FileInstallationService {
    final CountDownLatch botDeleted = new CountDownLatch(1);
    final CountDownLatch allDeleted = new CountDownLatch(1);

    RecordingInstallations(AppConfig config, String dir) {
      super(config, dir);
    }

    @Override
    public void deleteBot(Bot bot) throws Exception {
      super.deleteBot(bot);
      botDeleted.countDown();
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
      super.deleteAll(enterpriseId, teamId);
      allDeleted.countDown();
    }
  }

  @BeforeEach
  void start() throws Exception {
    // an hour's lifetime is inside Bolt's 2-hour refresh window: every incoming request rotates
    fake = FakeSlack.start().tokenRotation(Duration.ofHours(1));
    team = fake.addTeam("T0OAUTH", "OAuth Workspace").channel("C0OAUTH", FakeSlack.Membership.MEMBER);
    AppConfig config = AppConfig.builder().slack(SlackClients.create(fake.apiUrl())).signingSecret(SIGNING_SECRET)
        .clientId(FakeSlack.CLIENT_ID).clientSecret(FakeSlack.CLIENT_SECRET).scope(FakeSlack.DEFAULT_BOT_SCOPES).build();
    config.setOauthInstallPath("/slack/install");
    config.setOauthRedirectUriPath("/slack/oauth_redirect");
    config.setStateValidationEnabled(false);
    config.setOauthCompletionUrl(COMPLETED);
    config.setOauthCancellationUrl("https://paperboy.example/cancelled");
    store = new RecordingInstallations(config, Files.createDirectories(installations).toString());
    app = new App(config).asOAuthApp(true).service(store).enableTokenRevocationHandlers();
    app.command("/paper", (req, ctx) -> ctx.ack("answered with " + ctx.getBotToken()));

    jetty = new Server();
    connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
    context.addServlet(new ServletHolder(new SlackOAuthAppServlet(app)), "/slack/oauth_redirect");
    jetty.setHandler(context);
    app.start();
    jetty.start();
  }

  @AfterEach
  void stop() throws Exception {
    jetty.stop();
    app.stop();
    fake.close();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
  }

  /** What Slack's redirect after the install screen does: GET the redirect URI with the code. */
  private Bot installThroughRedirect() throws Exception {
    String code = fake.issueCode(team.id(), "U0INSTALLER");
    try (Response r = http.newCall(new Request.Builder()
        .url(url("/slack/oauth_redirect").toString() + "?code=" + code + "&state=not-checked").build()).execute()) {
      assertThat(r.code()).as(r.body().string()).isEqualTo(302);
      assertThat(r.header("Location")).isEqualTo(COMPLETED);
    }
    return store.findBot(null, team.id());
  }

  @Test
  @DisplayName("the redirect exchanges the code (Basic auth), auth.test names the bot; the stored installation has rotating tokens")
  void install() throws Exception {
    Bot bot = installThroughRedirect();

    assertThat(bot).isNotNull();
    assertThat(bot.getBotAccessToken()).startsWith("xoxe.xoxb-1-");
    assertThat(bot.getBotRefreshToken()).startsWith("xoxe-1-");
    assertThat(bot.getBotUserId()).isEqualTo(team.botUserId());
    assertThat(bot.getBotId()).as("Bolt asks auth.test with the new token").isEqualTo(team.botId());
    assertThat(bot.getBotTokenExpiresAt()).isBetween(System.currentTimeMillis() + Duration.ofMinutes(55).toMillis(),
        System.currentTimeMillis() + Duration.ofHours(1).toMillis());
    assertThat(fake.calls("oauth.v2.access")).singleElement()
        .satisfies(c -> assertThat(c.headers().get("authorization").get(0)).startsWith("Basic "));
  }

  @Test
  @DisplayName("a command from the team makes Bolt refresh the expiring token against the fake; the old token and refresh token are dead")
  void rotationOnRequest() throws Exception {
    Bot installed = installThroughRedirect();
    String body = SignedRequests.slashCommand(team.id(), "/paper", "2406.04325", "U0READER", "C0OAUTH",
        fake.responseUrl("r1"));

    SignedRequests.Answer answer = signed.post(url("/slack/events"), body);

    Bot rotated = store.findBot(null, team.id());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(rotated.getBotAccessToken()).startsWith("xoxe.xoxb-1-").isNotEqualTo(installed.getBotAccessToken());
    assertThat(answer.body()).contains(rotated.getBotAccessToken());
    assertThat(fake.calls("oauth.v2.access")).extracting(c -> c.params().getOrDefault("grant_type", "authorization_code"))
        .containsExactly("authorization_code", "refresh_token");
    var oldToken = SlackClients.create(fake.apiUrl()).methods(installed.getBotAccessToken()).authTest(r -> r);
    assertThat(oldToken.getError()).isEqualTo("token_revoked");
    var reuse = SlackClients.create(fake.apiUrl()).methods().oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID)
        .clientSecret(FakeSlack.CLIENT_SECRET).grantType("refresh_token").refreshToken(installed.getBotRefreshToken()));
    assertThat(reuse.getError()).isEqualTo("invalid_refresh_token");
  }

  @Test
  @DisplayName("tokens_revoked, signed like Slack's, reaches Bolt's handler, which deletes the team's bot")
  void tokensRevoked() throws Exception {
    installThroughRedirect();
    SignedRequests.Answer answer = signed.postJson(url("/slack/events"), fake.revokeTokens(team.id()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(store.botDeleted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.findBot(null, team.id())).isNull();
  }

  @Test
  @DisplayName("app_uninstalled reaches Bolt's handler, which deletes the whole installation; a forged one is refused")
  void appUninstalled() throws Exception {
    installThroughRedirect();
    String event = fake.uninstall(team.id());
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    SignedRequests.Answer forged = signed.post(url("/slack/events"), event, java.util.Optional.of(ts),
        java.util.Optional.of("v0=" + "0".repeat(64)));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(store.findBot(null, team.id())).as("nothing deleted by a forged event").isNotNull();

    SignedRequests.Answer answer = signed.postJson(url("/slack/events"), event);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(store.allDeleted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.findBot(null, team.id())).isNull();
  }
}
