package io.paperboy.store.sqlite.ratelimit;

import io.paperboy.store.ratelimit.SharedRateLimit;
import io.paperboy.store.sqlite.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@link SharedRateLimit} on tables {@code rate_limit} and {@code rate_limit_slot}: the slot
 * {@code limit} takes back bounds the next one, inside SQLite's single writer, which is what
 * makes every slot taken once.
 */
public final class SqliteSharedRateLimit implements SharedRateLimit {

  private static final String STATE = "SELECT taken, last_slot_micros FROM rate_limit WHERE limit_key = ?";
  private static final String OLDEST = "SELECT slot_micros FROM rate_limit_slot WHERE limit_key = ? AND position = ?";
  private static final String SAVE_STATE = """
      INSERT INTO rate_limit (limit_key, taken, last_slot_micros) VALUES (?1, ?2, ?3)
      ON CONFLICT (limit_key) DO UPDATE SET taken = ?2, last_slot_micros = ?3""";
  private static final String SAVE_SLOT = """
      INSERT INTO rate_limit_slot (limit_key, position, slot_micros) VALUES (?1, ?2, ?3)
      ON CONFLICT (limit_key, position) DO UPDATE SET slot_micros = ?3""";

  // the hold raises the last slot, which the next taker starts from: it takes no slot itself
  private static final String HOLD = """
      INSERT INTO rate_limit (limit_key, taken, last_slot_micros) VALUES (?1, 0, ?2)
      ON CONFLICT (limit_key) DO UPDATE SET last_slot_micros = MAX(last_slot_micros, ?2)""";

  private final Database db;

  public SqliteSharedRateLimit(Database db) {
    this.db = db;
  }

  @Override
  public Instant take(String key, int limit, Duration window, Instant now) {
    SharedRateLimit.check(limit, window);
    long windowMicros = window.toNanos() / 1000;
    long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    long slot = db.write(c -> {
      long taken = 0;
      long at = nowMicros;
      PreparedStatement state = db.cached(c, STATE);
      state.setString(1, key);
      try (ResultSet rs = state.executeQuery()) {
        if (rs.next()) {
          taken = rs.getLong(1);
          at = Math.max(at, rs.getLong(2));
        }
      }
      // slot number `taken` reuses the position of slot `taken - limit`: a window after it, at the earliest
      int position = (int) (taken % limit);
      if (taken >= limit) {
        PreparedStatement oldest = db.cached(c, OLDEST);
        oldest.setString(1, key);
        oldest.setInt(2, position);
        try (ResultSet rs = oldest.executeQuery()) {
          if (rs.next()) {
            at = Math.max(at, rs.getLong(1) + windowMicros);
          }
        }
      }
      PreparedStatement saveState = db.cached(c, SAVE_STATE);
      saveState.setString(1, key);
      saveState.setLong(2, taken + 1);
      saveState.setLong(3, at);
      saveState.executeUpdate();
      PreparedStatement saveSlot = db.cached(c, SAVE_SLOT);
      saveSlot.setString(1, key);
      saveSlot.setInt(2, position);
      saveSlot.setLong(3, at);
      saveSlot.executeUpdate();
      return at;
    });
    return Instant.EPOCH.plus(slot, ChronoUnit.MICROS);
  }

  @Override
  public void holdUntil(String key, Instant until) {
    long untilMicros = ChronoUnit.MICROS.between(Instant.EPOCH, until);
    db.write(c -> {
      PreparedStatement hold = db.cached(c, HOLD);
      hold.setString(1, key);
      hold.setLong(2, untilMicros);
      return hold.executeUpdate();
    });
  }
}
