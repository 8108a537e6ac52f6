package io.paperboy.store.slack;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The app installed in one workspace or organization, as {@code oauth.v2.access} answered it.
 * Tokens are secrets: {@link #toString()} never prints them.
 *
 * @param key               the workspace or organization
 * @param enterpriseInstall whether it was installed org-wide
 * @param appId             the Slack app id
 * @param botUserId         the bot user ({@code U…}) in that workspace
 * @param botId             the bot id ({@code B…}), when {@code auth.test} told it
 * @param botToken          the bot token ({@code xoxb-…}, or {@code xoxe.xoxb-…} with rotation)
 * @param botScopes         the granted bot scopes, comma-separated as Slack sends them
 * @param refreshToken      the single-use refresh token, when token rotation is on
 * @param tokenExpiresAt    when {@code botToken} expires, when token rotation is on
 * @param installerUserId   who approved the install
 * @param installedAt       when it was (last) installed
 */
public record SlackInstallation(
    SlackWorkspaceKey key,
    boolean enterpriseInstall,
    String appId,
    String botUserId,
    Optional<String> botId,
    String botToken,
    String botScopes,
    Optional<String> refreshToken,
    Optional<Instant> tokenExpiresAt,
    String installerUserId,
    Instant installedAt) {

  public SlackInstallation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(botUserId, "botUserId");
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(botScopes, "botScopes");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    Objects.requireNonNull(installerUserId, "installerUserId");
    Objects.requireNonNull(installedAt, "installedAt");
    if (botToken == null || botToken.isBlank()) {
      throw new IllegalArgumentException("installation " + key + " has no bot token");
    }
    if (refreshToken.isPresent() != tokenExpiresAt.isPresent()) {
      throw new IllegalArgumentException("installation " + key
          + ": a rotating token needs both its refresh token and its expiry");
    }
  }

  /** Whether the bot token rotates (expires and is refreshed). */
  public boolean rotating() {
    return refreshToken.isPresent();
  }

  /** This installation with refreshed tokens. */
  public SlackInstallation withTokens(String botToken, Optional<String> refreshToken, Optional<Instant> expiresAt) {
    return new SlackInstallation(key, enterpriseInstall, appId, botUserId, botId, botToken, botScopes, refreshToken,
        expiresAt, installerUserId, installedAt);
  }

  @Override
  public String toString() {
    return "SlackInstallation[" + key + (enterpriseInstall ? " org-wide" : "") + ", app " + appId + ", bot "
        + botUserId + ", scopes " + botScopes + (rotating() ? ", token expires " + tokenExpiresAt.get() : "")
        + ", installed by " + installerUserId + " at " + installedAt + "]";
  }
}
