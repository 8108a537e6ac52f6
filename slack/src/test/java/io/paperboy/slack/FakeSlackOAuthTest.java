package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotator;
import io.paperboy.core.net.NoDelaySocketFactory;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.FakeTeam;
import io.paperboy.testkit.slack.RecordedCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("oauth.v2.access on the fake Slack through the real client: install, token rotation, refresh, reuse refused")
class FakeSlackOAuthTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static MethodsClient methods(FakeSlack fake) {
    return SlackClients.create(fake.apiUrl()).methods();
  }

  private static OAuthV2AccessResponse exchange(FakeSlack fake, String code) throws Exception {
    return methods(fake).oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID).clientSecret(FakeSlack.CLIENT_SECRET).code(code));
  }

  private static String authError(FakeSlack fake, String token) throws Exception {
    var r = SlackClients.create(fake.apiUrl()).methods(token).authTest(q -> q);
    return r.isOk() ? "ok:" + r.getTeamId() : r.getError();
  }

  @Test
  @DisplayName("without rotation: a code becomes the team's long-lived bot token, once; the answer has Slack's installation fields")
  void installWithoutRotation() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      FakeTeam team = fake.addTeam("T0NEW", "New Workspace");
      String code = fake.issueCode(team.id(), "U0INSTALLER");

      OAuthV2AccessResponse installed = exchange(fake, code);

      assertThat(installed.isOk()).isTrue();
      assertThat(installed.getAccessToken()).startsWith("xoxb-");
      assertThat(installed.getTokenType()).isEqualTo("bot");
      assertThat(installed.getScope()).isEqualTo(FakeSlack.DEFAULT_BOT_SCOPES);
      assertThat(installed.getBotUserId()).isEqualTo(team.botUserId());
      assertThat(installed.getAppId()).isEqualTo(FakeSlack.APP_ID);
      assertThat(installed.getTeam().getId()).isEqualTo("T0NEW");
      assertThat(installed.getTeam().getName()).isEqualTo("New Workspace");
      assertThat(installed.getEnterprise()).isNull();
      assertThat(installed.isEnterpriseInstall()).isFalse();
      assertThat(installed.getAuthedUser().getId()).isEqualTo("U0INSTALLER");
      assertThat(installed.getRefreshToken()).isNull();
      assertThat(installed.getExpiresIn()).isNull();
      assertThat(authError(fake, installed.getAccessToken())).isEqualTo("ok:T0NEW");

      RecordedCall call = fake.calls("oauth.v2.access").get(0);
      assertThat(call.headers().get("authorization")).singleElement().asString().startsWith("Basic ");
      assertThat(exchange(fake, code).getError()).as("a code works once").isEqualTo("invalid_code");
    }
  }

  @Test
  @DisplayName("bad client credentials: invalid_client_id, bad_client_secret; credentials as form fields work too")
  void clientCredentials() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      String code = fake.issueCode(FakeSlack.TEAM_ID, "U0INSTALLER");
      MethodsClient methods = methods(fake);
      assertThat(methods.oauthV2Access(r -> r.clientId("9.9").clientSecret(FakeSlack.CLIENT_SECRET).code(code)).getError())
          .isEqualTo("invalid_client_id");
      assertThat(methods.oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID).clientSecret("wrong").code(code)).getError())
          .isEqualTo("bad_client_secret");

      OkHttpClient http = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()).build();
      FormBody form = new FormBody.Builder().add("client_id", FakeSlack.CLIENT_ID)
          .add("client_secret", FakeSlack.CLIENT_SECRET).add("code", code).build();
      try (Response r = http.newCall(new Request.Builder().url(fake.apiUrl() + "oauth.v2.access").post(form).build()).execute()) {
        JsonNode body = JSON.readTree(r.body().string());
        assertThat(body.path("ok").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.at("/team/id").asText()).isEqualTo(FakeSlack.TEAM_ID);
      }
    }
  }

  @Test
  @DisplayName("a code for a redirect_uri needs the same redirect_uri; an unknown grant_type is refused")
  void redirectUriAndGrantType() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      String code = fake.issueCode(FakeSlack.TEAM_ID, "U0INSTALLER", "https://paperboy.example/slack/oauth_redirect");
      MethodsClient methods = methods(fake);
      assertThat(methods.oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID).clientSecret(FakeSlack.CLIENT_SECRET)
          .code(code).redirectUri("https://elsewhere.example/")).getError()).isEqualTo("bad_redirect_uri");
      assertThat(methods.oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID).clientSecret(FakeSlack.CLIENT_SECRET)
          .grantType("password")).getError()).isEqualTo("invalid_grant_type");
    }
  }

  @Test
  @DisplayName("with rotation: an expiring xoxe.xoxb token and a refresh token; refresh retires the old access token, a refresh token works once")
  void rotation() throws Exception {
    try (FakeSlack fake = FakeSlack.start().tokenRotation(Duration.ofHours(12))) {
      OAuthV2AccessResponse installed = exchange(fake, fake.issueCode(FakeSlack.TEAM_ID, "U0INSTALLER"));
      assertThat(installed.getAccessToken()).startsWith("xoxe.xoxb-1-");
      assertThat(installed.getRefreshToken()).startsWith("xoxe-1-");
      assertThat(installed.getExpiresIn()).isBetween(43_190, 43_200);
      assertThat(authError(fake, installed.getAccessToken())).isEqualTo("ok:" + FakeSlack.TEAM_ID);

      OAuthV2AccessResponse refreshed = methods(fake).oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID)
          .clientSecret(FakeSlack.CLIENT_SECRET).grantType("refresh_token").refreshToken(installed.getRefreshToken()));

      assertThat(refreshed.isOk()).isTrue();
      assertThat(refreshed.getAccessToken()).startsWith("xoxe.xoxb-1-").isNotEqualTo(installed.getAccessToken());
      assertThat(refreshed.getRefreshToken()).startsWith("xoxe-1-").isNotEqualTo(installed.getRefreshToken());
      assertThat(refreshed.getTeam().getId()).isEqualTo(FakeSlack.TEAM_ID);
      assertThat(refreshed.getBotUserId()).isEqualTo(FakeSlack.BOT_USER_ID);
      assertThat(authError(fake, refreshed.getAccessToken())).isEqualTo("ok:" + FakeSlack.TEAM_ID);
      assertThat(authError(fake, installed.getAccessToken())).as("the old access token stops working").isEqualTo("token_revoked");

      OAuthV2AccessResponse reused = methods(fake).oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID)
          .clientSecret(FakeSlack.CLIENT_SECRET).grantType("refresh_token").refreshToken(installed.getRefreshToken()));
      assertThat(reused.isOk()).isFalse();
      assertThat(reused.getError()).isEqualTo("invalid_refresh_token");
    }
  }

  @Test
  @DisplayName("the SDK's TokenRotator refreshes a token near expiry; past expires_in the old token answers token_expired")
  void tokenRotatorAndExpiry() throws Exception {
    try (FakeSlack fake = FakeSlack.start().tokenRotation(Duration.ofHours(12))) {
      OAuthV2AccessResponse installed = exchange(fake, fake.issueCode(FakeSlack.TEAM_ID, "U0INSTALLER"));
      TokenRotator rotator = new TokenRotator(methods(fake), TokenRotator.DEFAULT_MILLISECONDS_BEFORE_EXPIRATION,
          FakeSlack.CLIENT_ID, FakeSlack.CLIENT_SECRET);
      long farFromExpiry = System.currentTimeMillis() + installed.getExpiresIn() * 1000L;
      assertThat(rotator.performTokenRotation(r -> r.accessToken(installed.getAccessToken())
          .refreshToken(installed.getRefreshToken()).expiresAt(farFromExpiry))).as("12 h left: nothing to do").isEmpty();

      fake.clock(Clock.fixed(Instant.now().plus(Duration.ofHours(12)).plusSeconds(1), ZoneOffset.UTC));
      assertThat(authError(fake, installed.getAccessToken())).isEqualTo("token_expired");

      Optional<RefreshedToken> rotated = rotator.performTokenRotation(r -> r.accessToken(installed.getAccessToken())
          .refreshToken(installed.getRefreshToken()).expiresAt(System.currentTimeMillis()));
      assertThat(rotated).isPresent();
      assertThat(authError(fake, rotated.get().getAccessToken())).as("valid for 12 h from the fake's clock")
          .isEqualTo("ok:" + FakeSlack.TEAM_ID);
      assertThat(rotated.get().getExpiresAt()).isGreaterThan(System.currentTimeMillis() + Duration.ofHours(11).toMillis());
    }
  }

  @Test
  @DisplayName("without rotation there is no refresh token to use: invalid_refresh_token")
  void refreshWithoutRotation() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      OAuthV2AccessResponse installed = exchange(fake, fake.issueCode(FakeSlack.TEAM_ID, "U0INSTALLER"));
      assertThat(installed.getRefreshToken()).isNull();
      assertThat(methods(fake).oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID).clientSecret(FakeSlack.CLIENT_SECRET)
          .grantType("refresh_token").refreshToken("xoxe-1-made-up")).getError()).isEqualTo("invalid_refresh_token");
    }
  }
}
