package io.paperboy.store.sqlite.delivery;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.sqlite.db.Database;
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
 * {@link SubscriptionStore} on table {@code subscription}, one row per channel (platform +
 * workspace + channel + thread). Removing and pausing also skip the channel's pending outbox rows,
 * in the same transaction.
 */
public final class SqliteSubscriptionStore implements SubscriptionStore {

  private static final String COLUMNS = Columns.CHANNEL + """
      , post_time, zone, days, top, min_votes, style, no_digest_note, paused, pause_reason, created_at, cadence""";

  private static final String UPSERT = "INSERT INTO subscription (" + COLUMNS + """
      , updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (platform, workspace, channel, thread) DO UPDATE SET
        post_time = excluded.post_time, zone = excluded.zone, days = excluded.days, top = excluded.top,
        min_votes = excluded.min_votes, style = excluded.style, no_digest_note = excluded.no_digest_note,
        paused = excluded.paused, pause_reason = excluded.pause_reason, cadence = excluded.cadence,
        updated_at = excluded.updated_at
      """;

  private final Database db;

  public SqliteSubscriptionStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public Subscription save(Subscription subscription, Instant now) {
    Objects.requireNonNull(subscription, "subscription");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
        Subscription s = subscription;
        int i = Columns.bindChannel(ps, 1, s.channel());
        ps.setString(i++, s.time().toString());
        ps.setString(i++, s.zone().getId());
        ps.setString(i++, s.days().text());
        ps.setInt(i++, s.top());
        Columns.setOptionalInt(ps, i++, s.minVotes());
        ps.setString(i++, s.style().word());
        ps.setInt(i++, s.noDigestNote() ? 1 : 0);
        ps.setInt(i++, s.paused() ? 1 : 0);
        ps.setString(i++, s.pauseReason().orElse(null));
        ps.setString(i++, Columns.instant(s.createdAt()));
        ps.setString(i++, s.cadence().word());
        ps.setString(i, Columns.instant(now));
        ps.executeUpdate();
      }
      return find(c, subscription.channel()).orElseThrow();
    });
  }

  @Override
  public Optional<Subscription> find(ChannelRef channel) {
    return db.read(c -> find(c, channel));
  }

  @Override
  public List<Subscription> inWorkspace(Platform platform, String workspace) {
    return db.read(c -> list(c, "WHERE platform = ? AND workspace = ? ORDER BY channel, thread",
        platform.name(), workspace));
  }

  @Override
  public List<Subscription> all() {
    return db.read(c -> list(c, "ORDER BY platform, workspace, channel, thread"));
  }

  @Override
  public List<Subscription> active() {
    return db.read(c -> list(c, "WHERE paused = 0 ORDER BY platform, workspace, channel, thread"));
  }

  @Override
  public boolean remove(ChannelRef channel, Instant now) {
    return db.write(c -> {
      int removed;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE " + Columns.CHANNEL_MATCH)) {
        Columns.bindChannel(ps, 1, channel);
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
        UPDATE subscription SET paused = 1, pause_reason = ?, updated_at = ?
         WHERE paused = 0 AND\s""" + Columns.CHANNEL_MATCH)) {
      ps.setString(1, reason);
      ps.setString(2, Columns.instant(now));
      Columns.bindChannel(ps, 3, channel);
      paused = ps.executeUpdate();
    }
    skipWaiting(c, channel, "the subscription is paused: " + reason, now, false);
    return paused > 0;
  }

  /** Skips the channel's pending rows: all of them, or only its daily and weekly posts. */
  private static void skipWaiting(Connection c, ChannelRef channel, String reason, Instant now, boolean dailyOnly)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        UPDATE delivery SET status = ?, last_error = ?, finished_at = ?
         WHERE status = ? AND\s""" + Columns.CHANNEL_MATCH + (dailyOnly ? " AND kind IN (?, ?, ?)" : ""))) {
      ps.setString(1, Status.SKIPPED.word());
      ps.setString(2, reason);
      ps.setString(3, Columns.instant(now));
      ps.setString(4, Status.PENDING.word());
      int i = Columns.bindChannel(ps, 5, channel);
      if (dailyOnly) {
        ps.setString(i++, Kind.DIGEST.word());
        ps.setString(i++, Kind.NO_DIGEST.word());
        ps.setString(i, Kind.WEEKLY.word());
      }
      ps.executeUpdate();
    }
  }

  private static Optional<Subscription> find(Connection c, ChannelRef channel) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM subscription WHERE " + Columns.CHANNEL_MATCH)) {
      Columns.bindChannel(ps, 1, channel);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
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
        Columns.channel(rs),
        LocalTime.parse(rs.getString("post_time")),
        ZoneId.of(rs.getString("zone")),
        DaySet.parse(rs.getString("days")),
        rs.getInt("top"),
        Columns.optionalInt(rs, "min_votes"),
        Subscription.Style.parse(rs.getString("style")),
        rs.getInt("no_digest_note") == 1,
        rs.getInt("paused") == 1,
        Optional.ofNullable(rs.getString("pause_reason")),
        Columns.instant(rs.getString("created_at")),
        Subscription.Cadence.parse(rs.getString("cadence")));
  }
}
