package io.paperboy.store.postgresql.slack;

import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.slack.SlackInstallation;
import io.paperboy.store.slack.SlackInstallationStore;
import io.paperboy.store.slack.SlackWorkspaceKey;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SlackInstallationStore} on table {@code slack_installation}. Pausing and resuming go
 * through the {@link SubscriptionStore} port inside the same write transaction (a nested write
 * joins the outer one), so the outbox rules of pausing stay in one place. Under READ COMMITTED a
 * second instance's {@code claimRefresh} waits for the first one's row lock, then re-checks its
 * conditions against the row as the first left it: one of them wins.
 */
public final class PgSlackInstallationStore implements SlackInstallationStore {

  private static final String COLUMNS = """
      enterprise_id, team_id, enterprise_install, app_id, bot_user_id, bot_id, bot_token, bot_scopes,
      refresh_token, token_expires_at, installer_user_id, installed_at""";

  private final Database db;
  private final SubscriptionStore subscriptions;

  public PgSlackInstallationStore(Database db, SubscriptionStore subscriptions) {
    this.db = Objects.requireNonNull(db, "db");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
  }

  @Override
  public int save(SlackInstallation installation, Instant now) {
    Objects.requireNonNull(installation, "installation");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO slack_installation (" + COLUMNS
          + ", refresh_holder, refresh_lease_until, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)"
          + " ON CONFLICT (enterprise_id, team_id) DO UPDATE SET enterprise_install = excluded.enterprise_install,"
          + " app_id = excluded.app_id, bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id,"
          + " bot_token = excluded.bot_token, bot_scopes = excluded.bot_scopes, refresh_token = excluded.refresh_token,"
          + " token_expires_at = excluded.token_expires_at, installer_user_id = excluded.installer_user_id,"
          + " installed_at = excluded.installed_at, refresh_holder = NULL, refresh_lease_until = NULL,"
          + " updated_at = excluded.updated_at")) {
        SlackInstallation i = installation;
        int n = bindKey(ps, 1, i.key());
        ps.setBoolean(n++, i.enterpriseInstall());
        ps.setString(n++, i.appId());
        ps.setString(n++, i.botUserId());
        ps.setString(n++, i.botId().orElse(null));
        ps.setString(n++, i.botToken());
        ps.setString(n++, i.botScopes());
        ps.setString(n++, i.refreshToken().orElse(null));
        Sql.setInstant(ps, n++, i.tokenExpiresAt().orElse(null));
        ps.setString(n++, i.installerUserId());
        Sql.setInstant(ps, n++, i.installedAt());
        Sql.setInstant(ps, n, now);
        ps.executeUpdate();
      }
      int resumed = 0;
      for (Subscription s : subscriptions.inWorkspace(Platform.SLACK, installation.key().workspace())) {
        if (s.paused() && s.pauseReason().equals(Optional.of(UNINSTALLED_REASON))) {
          // resumed() keeps every setting (cadence included); a hand-built copy once lost weekly ones
          subscriptions.save(s.resumed(), now);
          resumed++;
        }
      }
      return resumed;
    });
  }

  @Override
  public Optional<SlackInstallation> find(SlackWorkspaceKey key) {
    return db.read(c -> {
      Optional<SlackInstallation> own = select(c, key);
      if (own.isPresent() || key.enterpriseId().isEmpty() || key.teamId().isEmpty()) {
        return own;
      }
      return select(c, new SlackWorkspaceKey(key.enterpriseId(), Optional.empty()));
    });
  }

  @Override
  public List<SlackInstallation> all() {
    return db.read(c -> {
      List<SlackInstallation> all = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM slack_installation ORDER BY enterprise_id, team_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(row(rs));
        }
      }
      return all;
    });
  }

  @Override
  public boolean delete(SlackWorkspaceKey key, Instant now) {
    return db.write(c -> {
      int deleted;
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM slack_installation WHERE enterprise_id = ? AND team_id = ?")) {
        bindKey(ps, 1, key);
        deleted = ps.executeUpdate();
      }
      for (Subscription s : subscriptions.inWorkspace(Platform.SLACK, key.workspace())) {
        if (!s.paused()) {
          subscriptions.pause(s.channel(), UNINSTALLED_REASON, now);
        }
      }
      return deleted > 0;
    });
  }

  @Override
  public Optional<SlackInstallation> claimRefresh(SlackWorkspaceKey key, String staleToken, Lease lease, Instant now) {
    return db.write(c -> {
      int claimed;
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE slack_installation SET refresh_holder = ?, refresh_lease_until = ?, updated_at = ?
           WHERE enterprise_id = ? AND team_id = ? AND bot_token = ? AND refresh_token IS NOT NULL
             AND (refresh_holder IS NULL OR refresh_holder = ? OR refresh_lease_until <= ?)""")) {
        ps.setString(1, lease.holder());
        Sql.setInstant(ps, 2, lease.until());
        Sql.setInstant(ps, 3, now);
        int n = bindKey(ps, 4, key);
        ps.setString(n++, staleToken);
        ps.setString(n++, lease.holder());
        Sql.setInstant(ps, n, now);
        claimed = ps.executeUpdate();
      }
      return claimed == 0 ? Optional.<SlackInstallation>empty() : select(c, key);
    });
  }

  @Override
  public boolean completeRefresh(SlackWorkspaceKey key, String holder, String botToken, Optional<String> refreshToken,
      Optional<Instant> expiresAt, Instant now) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE slack_installation SET bot_token = ?, refresh_token = ?, token_expires_at = ?,
                 refresh_holder = NULL, refresh_lease_until = NULL, updated_at = ?
           WHERE enterprise_id = ? AND team_id = ? AND refresh_holder = ?""")) {
        ps.setString(1, botToken);
        ps.setString(2, refreshToken.orElse(null));
        Sql.setInstant(ps, 3, expiresAt.orElse(null));
        Sql.setInstant(ps, 4, now);
        int n = bindKey(ps, 5, key);
        ps.setString(n, holder);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public void releaseRefresh(SlackWorkspaceKey key, String holder) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE slack_installation SET refresh_holder = NULL, refresh_lease_until = NULL
           WHERE enterprise_id = ? AND team_id = ? AND refresh_holder = ?""")) {
        int n = bindKey(ps, 1, key);
        ps.setString(n, holder);
        return ps.executeUpdate();
      }
    });
  }

  private static Optional<SlackInstallation> select(Connection c, SlackWorkspaceKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM slack_installation WHERE enterprise_id = ? AND team_id = ?")) {
      bindKey(ps, 1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static int bindKey(PreparedStatement ps, int index, SlackWorkspaceKey key) throws SQLException {
    ps.setString(index, key.enterpriseId().orElse(""));
    ps.setString(index + 1, key.teamId().orElse(""));
    return index + 2;
  }

  private static SlackInstallation row(ResultSet rs) throws SQLException {
    SlackWorkspaceKey key = SlackWorkspaceKey.of(rs.getString("enterprise_id"), rs.getString("team_id"));
    return new SlackInstallation(key, rs.getBoolean("enterprise_install"), rs.getString("app_id"),
        rs.getString("bot_user_id"), Optional.ofNullable(rs.getString("bot_id")), rs.getString("bot_token"),
        rs.getString("bot_scopes"), Optional.ofNullable(rs.getString("refresh_token")),
        Sql.optionalInstant(rs, "token_expires_at"), rs.getString("installer_user_id"),
        Sql.instant(rs, "installed_at"));
  }
}
