package io.paperboy.store.sqlite.slack;

import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.slack.SlackInstallation;
import io.paperboy.store.slack.SlackInstallationStore;
import io.paperboy.store.slack.SlackWorkspaceKey;
import io.paperboy.store.sqlite.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SlackInstallationStore} on table {@code slack_installation}. Pausing and resuming go
 * through the {@link SubscriptionStore} port inside the same write transaction (a nested write
 * joins the outer one), so the outbox rules of pausing stay in one place.
 */
public final class SqliteSlackInstallationStore implements SlackInstallationStore {

  // fixed width, so that text comparison in SQL is time comparison
  static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final String COLUMNS = """
      enterprise_id, team_id, enterprise_install, app_id, bot_user_id, bot_id, bot_token, bot_scopes,
      refresh_token, token_expires_at, installer_user_id, installed_at""";

  private final Database db;
  private final SubscriptionStore subscriptions;

  public SqliteSlackInstallationStore(Database db, SubscriptionStore subscriptions) {
    this.db = Objects.requireNonNull(db, "db");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
  }

  @Override
  public int save(SlackInstallation installation, Instant now) {
    Objects.requireNonNull(installation, "installation");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO slack_installation (" + COLUMNS
          + ", refresh_holder, refresh_lease_until, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)")) {
        SlackInstallation i = installation;
        int n = bindKey(ps, 1, i.key());
        ps.setInt(n++, i.enterpriseInstall() ? 1 : 0);
        ps.setString(n++, i.appId());
        ps.setString(n++, i.botUserId());
        ps.setString(n++, i.botId().orElse(null));
        ps.setString(n++, i.botToken());
        ps.setString(n++, i.botScopes());
        ps.setString(n++, i.refreshToken().orElse(null));
        ps.setString(n++, i.tokenExpiresAt().map(INSTANT::format).orElse(null));
        ps.setString(n++, i.installerUserId());
        ps.setString(n++, INSTANT.format(i.installedAt()));
        ps.setString(n, INSTANT.format(now));
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
        ps.setString(2, INSTANT.format(lease.until()));
        ps.setString(3, INSTANT.format(now));
        int n = bindKey(ps, 4, key);
        ps.setString(n++, staleToken);
        ps.setString(n++, lease.holder());
        ps.setString(n, INSTANT.format(now));
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
        ps.setString(3, expiresAt.map(INSTANT::format).orElse(null));
        ps.setString(4, INSTANT.format(now));
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
    return new SlackInstallation(key, rs.getInt("enterprise_install") == 1, rs.getString("app_id"),
        rs.getString("bot_user_id"), Optional.ofNullable(rs.getString("bot_id")), rs.getString("bot_token"),
        rs.getString("bot_scopes"), Optional.ofNullable(rs.getString("refresh_token")),
        Optional.ofNullable(rs.getString("token_expires_at")).map(Instant::parse),
        rs.getString("installer_user_id"), Instant.parse(rs.getString("installed_at")));
  }
}
