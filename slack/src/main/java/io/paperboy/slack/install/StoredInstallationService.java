package io.paperboy.slack.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import io.paperboy.store.slack.SlackInstallation;
import io.paperboy.store.slack.SlackWorkspaceKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link InstallationService} on Paperboy's database. Only the bot installation is kept:
 * Paperboy asks for no user scopes, so there are no installer tokens to store, and
 * {@link #findInstaller} answers none. Deleting (uninstall, revoked tokens) pauses the workspace's
 * subscriptions and saving (a reinstall) resumes them — the store does both in the same
 * transaction.
 */
public final class StoredInstallationService implements InstallationService {

  private static final Logger log = LoggerFactory.getLogger(StoredInstallationService.class);

  private final WorkspaceTokens tokens;
  private final Clock clock;

  public StoredInstallationService(WorkspaceTokens tokens, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("Paperboy keeps the current installation of each workspace only");
    }
  }

  @Override
  public void saveInstallerAndBot(Installer i) {
    Optional<Instant> expiresAt = Optional.ofNullable(i.getBotTokenExpiresAt()).map(Instant::ofEpochMilli);
    Optional<String> refresh = Optional.ofNullable(i.getBotRefreshToken()).filter(t -> expiresAt.isPresent());
    SlackInstallation installation = new SlackInstallation(key(i.getEnterpriseId(), i.getTeamId(),
        Boolean.TRUE.equals(i.getIsEnterpriseInstall())), Boolean.TRUE.equals(i.getIsEnterpriseInstall()),
        String.valueOf(i.getAppId()), String.valueOf(i.getBotUserId()), Optional.ofNullable(i.getBotId()),
        i.getBotAccessToken(), i.getBotScope() == null ? "" : i.getBotScope(), refresh,
        refresh.isPresent() ? expiresAt : Optional.empty(), String.valueOf(i.getInstallerUserId()),
        i.getInstalledAt() == null ? clock.instant() : Instant.ofEpochMilli(i.getInstalledAt()));
    int resumed = tokens.store().save(installation, clock.instant());
    log.info("Slack: installed in {} by {}{}", installation.key(), installation.installerUserId(),
        resumed == 0 ? "" : "; resumed " + resumed + " paused subscription(s)");
  }

  @Override
  public void saveBot(Bot bot) {
    // only Bolt's own token rotation calls this, and Bolt never sees a refresh token (WorkspaceTokens rotates)
    throw new UnsupportedOperationException("Slack tokens are refreshed by WorkspaceTokens, not by Bolt");
  }

  @Override
  public void deleteBot(Bot bot) {
    deleteAll(bot.getEnterpriseId(), bot.getTeamId());
  }

  @Override
  public void deleteInstaller(Installer installer) {
    // no user tokens are stored; the bot installation goes with deleteBot / deleteAll
  }

  @Override
  public void deleteAll(String enterpriseId, String teamId) {
    SlackWorkspaceKey key = SlackWorkspaceKey.of(enterpriseId, teamId);
    Optional<SlackInstallation> serving = tokens.store().find(key);
    SlackWorkspaceKey stored = serving.map(SlackInstallation::key).orElse(key);
    boolean deleted = tokens.store().delete(stored, clock.instant());
    log.info("Slack: {} from {}; its subscriptions are paused until the app is installed again",
        deleted ? "uninstalled" : "uninstall event for an unknown installation", stored);
  }

  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    if (teamId == null && enterpriseId == null) {
      return null;
    }
    return tokens.current(SlackWorkspaceKey.of(enterpriseId, teamId)).map(StoredInstallationService::bot).orElse(null);
  }

  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    return null;
  }

  @Override
  public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
    return "Paperboy is not installed in this workspace (any more). Ask a workspace admin to install it again.";
  }

  private static SlackWorkspaceKey key(String enterpriseId, String teamId, boolean orgWide) {
    // an org-wide install is keyed by the organization alone: it serves every workspace in it
    return orgWide ? SlackWorkspaceKey.of(enterpriseId, null) : SlackWorkspaceKey.of(enterpriseId, teamId);
  }

  private static Bot bot(SlackInstallation i) {
    DefaultBot bot = new DefaultBot();
    bot.setAppId(i.appId());
    bot.setEnterpriseId(i.key().enterpriseId().orElse(null));
    bot.setTeamId(i.key().teamId().orElse(null));
    bot.setIsEnterpriseInstall(i.enterpriseInstall());
    bot.setBotId(i.botId().orElse(null));
    bot.setBotUserId(i.botUserId());
    bot.setBotScope(i.botScopes());
    bot.setBotAccessToken(i.botToken());
    // no refresh token: Bolt would rotate without a cross-instance lock (WorkspaceTokens does it)
    bot.setBotRefreshToken(null);
    bot.setBotTokenExpiresAt(i.tokenExpiresAt().map(Instant::toEpochMilli).orElse(null));
    bot.setTokenType("bot");
    bot.setInstalledAt(i.installedAt().toEpochMilli());
    return bot;
  }
}
