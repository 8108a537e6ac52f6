package io.paperboy.store.postgresql.ratelimit;

import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.ratelimit.SharedRateLimit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@link SharedRateLimit} on tables {@code rate_limit} and {@code rate_limit_slot}: a taker locks
 * the limit's row, so the instances sharing the database hand out its slots one at a time; the
 * slot {@code limit} takes back bounds the next one.
 */
public final class PgSharedRateLimit implements SharedRateLimit {

  private static final String CREATE = """
      INSERT INTO rate_limit (limit_key, taken, last_slot_micros) VALUES (?, 0, 0)
      ON CONFLICT (limit_key) DO NOTHING""";
  private static final String LOCK = "SELECT taken, last_slot_micros FROM rate_limit WHERE limit_key = ? FOR UPDATE";
  private static final String OLDEST = "SELECT slot_micros FROM rate_limit_slot WHERE limit_key = ? AND position = ?";
  private static final String SAVE_STATE = "UPDATE rate_limit SET taken = ?, last_slot_micros = ? WHERE limit_key = ?";
  private static final String SAVE_SLOT = """
      INSERT INTO rate_limit_slot (limit_key, position, slot_micros) VALUES (?, ?, ?)
      ON CONFLICT (limit_key, position) DO UPDATE SET slot_micros = EXCLUDED.slot_micros""";

  // the hold raises the last slot, which the next taker starts from: it takes no slot itself
  private static final String HOLD = """
      INSERT INTO rate_limit (limit_key, taken, last_slot_micros) VALUES (?, 0, ?)
      ON CONFLICT (limit_key) DO UPDATE SET last_slot_micros = GREATEST(rate_limit.last_slot_micros,
        EXCLUDED.last_slot_micros)""";

  private final Database db;

  public PgSharedRateLimit(Database db) {
    this.db = db;
  }

  @Override
  public Instant take(String key, int limit, Duration window, Instant now) {
    SharedRateLimit.check(limit, window);
    long windowMicros = window.toNanos() / 1000;
    long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    long slot = db.write(c -> {
      try (PreparedStatement create = c.prepareStatement(CREATE)) {
        create.setString(1, key);
        create.executeUpdate();
      }
      long taken;
      long at;
      try (PreparedStatement lock = c.prepareStatement(LOCK)) {
        lock.setString(1, key);
        try (ResultSet rs = lock.executeQuery()) {
          rs.next();
          taken = rs.getLong(1);
          at = Math.max(nowMicros, rs.getLong(2));
        }
      }
      // slot number `taken` reuses the position of slot `taken - limit`: a window after it, at the earliest
      int position = (int) (taken % limit);
      if (taken >= limit) {
        try (PreparedStatement oldest = c.prepareStatement(OLDEST)) {
          oldest.setString(1, key);
          oldest.setInt(2, position);
          try (ResultSet rs = oldest.executeQuery()) {
            if (rs.next()) {
              at = Math.max(at, rs.getLong(1) + windowMicros);
            }
          }
        }
      }
      try (PreparedStatement state = c.prepareStatement(SAVE_STATE)) {
        state.setLong(1, taken + 1);
        state.setLong(2, at);
        state.setString(3, key);
        state.executeUpdate();
      }
      try (PreparedStatement save = c.prepareStatement(SAVE_SLOT)) {
        save.setString(1, key);
        save.setInt(2, position);
        save.setLong(3, at);
        save.executeUpdate();
      }
      return at;
    });
    return Instant.EPOCH.plus(slot, ChronoUnit.MICROS);
  }

  @Override
  public void holdUntil(String key, Instant until) {
    long untilMicros = ChronoUnit.MICROS.between(Instant.EPOCH, until);
    db.write(c -> {
      try (PreparedStatement hold = c.prepareStatement(HOLD)) {
        hold.setString(1, key);
        hold.setLong(2, untilMicros);
        return hold.executeUpdate();
      }
    });
  }
}
