package io.paperboy.store.postgresql.delivery;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SubscriptionStore} on table {@code subscription}, one row per channel. Removing and
 * pausing also skip the channel's pending outbox rows, in the same transaction.
 */
public final class PgSubscriptionStore implements SubscriptionStore {

  private static final String COLUMNS = DeliveryRows.CHANNEL + """
      , post_time, zone, days, top, min_votes, style, no_digest_note, paused, pause_reason, created_at, cadence""";

  private static final String UPSERT = "INSERT INTO subscription (" + COLUMNS + """
      , updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (platform, workspace, channel, thread) DO UPDATE SET
        post_time = excluded.post_time, zone = excluded.zone, days = excluded.days, top = excluded.top,
        min_votes = excluded.min_votes, style = excluded.style, no_digest_note = excluded.no_digest_note,
        paused = excluded.paused, pause_reason = excluded.pause_reason, cadence = excluded.cadence,
        updated_at = excluded.updated_at
      RETURNING\s""" + COLUMNS;
  private static final String ORDER = " ORDER BY platform, workspace, channel, thread";

  private final Database db;

  public PgSubscriptionStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public Subscription save(Subscription subscription, Instant now) {
    Objects.requireNonNull(subscription, "subscription");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
        Subscription s = subscription;
        int i = DeliveryRows.bindChannel(ps, 1, s.channel());
        ps.setString(i++, s.time().toString());
        ps.setString(i++, s.zone().getId());
        ps.setString(i++, s.days().text());
        ps.setInt(i++, s.top());
        Sql.setOptionalInt(ps, i++, s.minVotes());
        ps.setString(i++, s.style().word());
        ps.setBoolean(i++, s.noDigestNote());
        ps.setBoolean(i++, s.paused());
        Sql.setOptionalText(ps, i++, s.pauseReason());
        Sql.setInstant(ps, i++, s.createdAt());
        ps.setString(i++, s.cadence().word());
        Sql.setInstant(ps, i, now);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return read(rs);
        }
      }
    });
  }

  @Override
  public Optional<Subscription> find(ChannelRef channel) {
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM subscription WHERE " + DeliveryRows.CHANNEL_MATCH)) {
        DeliveryRows.bindChannel(ps, 1, channel);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<Subscription> inWorkspace(Platform platform, String workspace) {
    return db.readStatement(c -> list(c, "WHERE platform = ? AND workspace = ?" + ORDER, platform.name(), workspace));
  }

  @Override
  public List<Subscription> all() {
    return db.readStatement(c -> list(c, ORDER));
  }

  @Override
  public List<Subscription> active() {
    return db.readStatement(c -> list(c, "WHERE NOT paused" + ORDER));
  }

  @Override
  public boolean remove(ChannelRef channel, Instant now) {
    return db.write(c -> {
      int removed;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE " + DeliveryRows.CHANNEL_MATCH)) {
        DeliveryRows.bindChannel(ps, 1, channel);
        removed = ps.executeUpdate();
      }
      skipWaiting(c, channel, "the channel unsubscribed", now, true);
      return removed > 0;
    });
  }

  @Override
  public boolean pause(ChannelRef channel, String reason, Instant now) {
    return db.write(c -> pause(c, channel, reason, now));
  }

  /** {@link #pause} inside the caller's write transaction (the outbox's {@code markFailedAndPause}). */
  static boolean pause(Connection c, ChannelRef channel, String reason, Instant now) throws SQLException {
    int paused;
    try (PreparedStatement ps = c.prepareStatement("""
        UPDATE subscription SET paused = true, pause_reason = ?, updated_at = ?
         WHERE NOT paused AND\s""" + DeliveryRows.CHANNEL_MATCH)) {
      Sql.setText(ps, 1, reason);
      Sql.setInstant(ps, 2, now);
      DeliveryRows.bindChannel(ps, 3, channel);
      paused = ps.executeUpdate();
    }
    skipWaiting(c, channel, "the subscription is paused: " + reason, now, false);
    return paused > 0;
  }

  /** Skips the channel's pending rows: all of them, or only its daily posts. */
  private static void skipWaiting(Connection c, ChannelRef channel, String reason, Instant now, boolean dailyOnly)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        UPDATE delivery SET status = 'skipped', last_error = ?, finished_at = ?
         WHERE status = 'pending' AND\s""" + DeliveryRows.CHANNEL_MATCH
        + (dailyOnly ? " AND kind IN ('digest', 'no-digest', 'weekly')" : ""))) {
      Sql.setText(ps, 1, reason);
      Sql.setInstant(ps, 2, now);
      DeliveryRows.bindChannel(ps, 3, channel);
      ps.executeUpdate();
    }
  }

  private static List<Subscription> list(Connection c, String where, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM subscription " + where)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<Subscription> result = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(read(rs));
        }
      }
      return result;
    }
  }

  private static Subscription read(ResultSet rs) throws SQLException {
    return new Subscription(
        DeliveryRows.channel(rs),
        LocalTime.parse(rs.getString("post_time")),
        ZoneId.of(rs.getString("zone")),
        DaySet.parse(rs.getString("days")),
        rs.getInt("top"),
        Sql.optionalInt(rs, "min_votes"),
        Subscription.Style.parse(rs.getString("style")),
        rs.getBoolean("no_digest_note"),
        rs.getBoolean("paused"),
        Optional.ofNullable(Sql.text(rs, "pause_reason")),
        Sql.instant(rs, "created_at"),
        Subscription.Cadence.parse(rs.getString("cadence")));
  }
}
