package io.paperboy.testkit.slack;

import static io.paperboy.testkit.slack.FakeSlack.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@code oauth.v2.access} as Slack answers it: client credentials by HTTP Basic (what the SDK
 * sends, and what Slack recommends) or as form fields; {@code grant_type=authorization_code} (the
 * default) exchanges a one-time code for the team's bot installation, {@code refresh_token}
 * exchanges a single-use refresh token for a new access token and a new refresh token, retiring
 * the old access token. Error codes are Slack's: {@code invalid_client_id},
 * {@code bad_client_secret}, {@code invalid_code}, {@code bad_redirect_uri},
 * {@code invalid_refresh_token}, {@code invalid_grant_type}.
 */
final class FakeOAuth {

  private final FakeSlack slack;

  FakeOAuth(FakeSlack slack) {
    this.slack = slack;
  }

  /** The client id presented, by Basic auth or form; for counting calls per client. */
  static String clientId(String authorization, Map<String, String> params) {
    return credentials(authorization, params)[0];
  }

  private static String[] credentials(String authorization, Map<String, String> params) {
    if (authorization != null && authorization.startsWith("Basic ")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return new String[] {"", ""};
      }
      int colon = decoded.indexOf(':');
      return colon < 0 ? new String[] {decoded, ""} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
    return new String[] {params.getOrDefault("client_id", ""), params.getOrDefault("client_secret", "")};
  }

  FakeWebApi.Answer access(String authorization, Map<String, String> params) {
    String[] client = credentials(authorization, params);
    if (!FakeSlack.CLIENT_ID.equals(client[0])) {
      return FakeWebApi.Answer.error("invalid_client_id");
    }
    if (!FakeSlack.CLIENT_SECRET.equals(client[1])) {
      return FakeWebApi.Answer.error("bad_client_secret");
    }
    String grantType = params.getOrDefault("grant_type", "authorization_code");
    return switch (grantType) {
      case "authorization_code" -> exchangeCode(params);
      case "refresh_token" -> refresh(params.get("refresh_token"));
      default -> FakeWebApi.Answer.error("invalid_grant_type");
    };
  }

  private FakeWebApi.Answer exchangeCode(Map<String, String> params) {
    Optional<SlackTokens.Code> code = slack.tokens.redeem(params.get("code"));
    if (code.isEmpty()) {
      return FakeWebApi.Answer.error("invalid_code");
    }
    if (code.get().redirectUri().isPresent()
        && !code.get().redirectUri().get().equals(params.getOrDefault("redirect_uri", ""))) {
      return FakeWebApi.Answer.error("bad_redirect_uri");
    }
    FakeTeam team = slack.team(code.get().teamId());
    return FakeWebApi.Answer.ok(installation(team, slack.tokens.issueBot(team.id()), code.get().installerUserId()));
  }

  private FakeWebApi.Answer refresh(String refreshToken) {
    Optional<SlackTokens.Refresh> used = slack.tokens.useRefresh(refreshToken);
    if (used.isEmpty()) {
      return FakeWebApi.Answer.error("invalid_refresh_token");
    }
    FakeTeam team = slack.team(used.get().teamId);
    SlackTokens.Grant fresh = slack.tokens.issueBot(team.id());
    return FakeWebApi.Answer.ok(installation(team, fresh, slack.installer(team.id())));
  }

  private ObjectNode installation(FakeTeam team, SlackTokens.Grant grant, String installerUserId) {
    slack.installers.put(team.id(), installerUserId);
    ObjectNode body = JSON.createObjectNode();
    body.put("app_id", FakeSlack.APP_ID);
    body.putObject("authed_user").put("id", installerUserId);
    body.put("scope", slack.botScopes).put("token_type", "bot").put("access_token", grant.token)
        .put("bot_user_id", team.botUserId());
    body.putObject("team").put("id", team.id()).put("name", team.name());
    if (team.enterpriseId().isPresent()) {
      body.putObject("enterprise").put("id", team.enterpriseId().get()).put("name", team.name() + " Grid");
    } else {
      body.putNull("enterprise");
    }
    body.put("is_enterprise_install", false);
    grant.expiresAt.ifPresent(expiry -> {
      body.put("refresh_token", slack.tokens.issueRefresh(grant));
      body.put("expires_in", java.time.Duration.between(slack.tokens.clock.instant(), expiry).toSeconds());
    });
    return body;
  }
}
