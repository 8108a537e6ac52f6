package io.paperboy.store.postgresql.slack;

import io.paperboy.store.slack.OAuthStateStore;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link OAuthStateStore} on table {@code slack_oauth_state}. Taking is one {@code DELETE} of an
 * unexpired row: a racing second callback waits for the first one's row lock and then finds the
 * row gone.
 */
public final class PgOAuthStateStore implements OAuthStateStore {

  private final Database db;

  public PgOAuthStateStore(Database db) {
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
        Sql.setInstant(ps, 2, expiresAt);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean consume(String state, Instant now) {
    if (state == null || state.isBlank()) {
      return false;
    }
    return db.write(c -> {
      int taken;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM slack_oauth_state WHERE state = ? AND expires_at > ?")) {
        ps.setString(1, state);
        Sql.setInstant(ps, 2, now);
        taken = ps.executeUpdate();
      }
      // abandoned flows leave states behind; they go once expired
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM slack_oauth_state WHERE expires_at <= ?")) {
        Sql.setInstant(ps, 1, now);
        ps.executeUpdate();
      }
      return taken > 0;
    });
  }
}
