package io.paperboy.store.sqlite.slack;

import io.paperboy.store.slack.OAuthStateStore;
import io.paperboy.store.sqlite.db.Database;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link OAuthStateStore} on table {@code slack_oauth_state}. Taking is one {@code DELETE} of an
 * unexpired row: the writer lock serialises racing callbacks, and only one sees a deleted row.
 */
public final class SqliteOAuthStateStore implements OAuthStateStore {

  private final Database db;

  public SqliteOAuthStateStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public void issue(String state, Instant expiresAt) {
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException("an OAuth state must not be blank");
    }
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO slack_oauth_state (state, expires_at) VALUES (?, ?)")) {
        ps.setString(1, state);
        ps.setString(2, SqliteSlackInstallationStore.INSTANT.format(expiresAt));
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean consume(String state, Instant now) {
    if (state == null || state.isBlank()) {
      return false;
    }
    String at = SqliteSlackInstallationStore.INSTANT.format(now);
    return db.write(c -> {
      int taken;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM slack_oauth_state WHERE state = ? AND expires_at > ?")) {
        ps.setString(1, state);
        ps.setString(2, at);
        taken = ps.executeUpdate();
      }
      // abandoned flows leave states behind; they go once expired
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM slack_oauth_state WHERE expires_at <= ?")) {
        ps.setString(1, at);
        ps.executeUpdate();
      }
      return taken > 0;
    });
  }
}
