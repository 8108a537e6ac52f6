package io.paperboy.store.sqlite.ratelimit;

import io.paperboy.store.ratelimit.SharedRateLimit;
import io.paperboy.store.sqlite.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@link SharedRateLimit} on table {@code rate_limit_slot}: one upsert per slot, inside SQLite's
 * single writer, which is what makes a slot taken once.
 */
public final class SqliteSharedRateLimit implements SharedRateLimit {

  // the slot handed out is the row's value before the update: the larger of the stored next slot
  // and now; the row then holds that plus one interval
  private static final String TAKE = """
      INSERT INTO rate_limit_slot (limit_key, next_slot_micros) VALUES (?1, ?2 + ?3)
      ON CONFLICT (limit_key) DO UPDATE SET next_slot_micros = max(next_slot_micros, ?2) + ?3
      RETURNING next_slot_micros - ?3""";

  private final Database db;

  public SqliteSharedRateLimit(Database db) {
    this.db = db;
  }

  @Override
  public Instant take(String key, int perSecond, Instant now) {
    long intervalMicros = SharedRateLimit.interval(perSecond).toNanos() / 1000;
    long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    long slot = db.write(c -> {
      PreparedStatement ps = db.cached(c, TAKE);
      ps.setString(1, key);
      ps.setLong(2, nowMicros);
      ps.setLong(3, intervalMicros);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
    return Instant.EPOCH.plus(slot, ChronoUnit.MICROS);
  }
}
