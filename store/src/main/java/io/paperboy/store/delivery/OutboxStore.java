package io.paperboy.store.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Database;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox (table {@code delivery}). Every state change is its own short write transaction, so
 * the worker can commit "attempting" before it touches the network and "sent" after.
 */
public final class OutboxStore {

  private static final String COLUMNS = "id, " + Columns.CHANNEL + """
      , kind, key, top, min_votes, style, due_at, status, attempts, failures, next_attempt_at,
        started_at, finished_at, message_ids, last_error, created_at""";

  // A pending row is the head of its channel when no older row of the channel is unfinished:
  // posts to one channel go out in order, a retry holding back later days.
  private static final String HEAD = """
      d.status = 'pending'
      AND NOT EXISTS (
        SELECT 1 FROM delivery e
         WHERE e.platform = d.platform AND e.workspace = d.workspace AND e.channel = d.channel
           AND e.thread = d.thread AND e.status IN ('pending', 'attempting')
           AND (e.due_at < d.due_at OR (e.due_at = d.due_at AND e.id < d.id)))
      """;

  private static final String DUE = "SELECT " + COLUMNS + " FROM delivery d WHERE " + HEAD
      + " AND d.next_attempt_at <= ? AND d.platform IN (%s) ORDER BY d.due_at, d.id LIMIT ?";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Database db;

  public OutboxStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * Adds the rows that are not in the outbox yet; a row whose (channel, kind, key) exists is left
   * alone, whatever its status. Safe to call again with the same rows.
   *
   * @return the rows that were new, in the given order
   */
  public List<PlannedDelivery> enqueue(List<PlannedDelivery> rows, Instant now) {
    if (rows.isEmpty()) {
      return List.of();
    }
    return db.write(c -> {
      List<PlannedDelivery> added = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery (" + Columns.CHANNEL + """
          , kind, key, top, min_votes, style, due_at, status, next_attempt_at, last_error, finished_at, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (platform, workspace, channel, thread, kind, key) DO NOTHING
          """)) {
        for (PlannedDelivery row : rows) {
          int i = Columns.bindChannel(ps, 1, row.channel());
          ps.setString(i++, row.kind().word());
          ps.setString(i++, row.key());
          ps.setInt(i++, row.top());
          Columns.setOptionalInt(ps, i++, row.minVotes());
          ps.setString(i++, row.style().word());
          ps.setString(i++, Columns.instant(row.dueAt()));
          ps.setString(i++, row.skipReason().isPresent() ? "skipped" : "pending");
          ps.setString(i++, Columns.instant(row.dueAt()));
          ps.setString(i++, row.skipReason().orElse(null));
          ps.setString(i++, row.skipReason().isPresent() ? Columns.instant(now) : null);
          ps.setString(i, Columns.instant(now));
          if (ps.executeUpdate() > 0) {
            added.add(row);
          }
        }
      }
      return added;
    });
  }

  /** The keys of the rows of these kinds whose key is {@code fromKey} or later (keys are ISO dates). */
  public Set<OutboxKey> keys(Set<Kind> kinds, String fromKey) {
    return db.read(c -> {
      Set<OutboxKey> keys = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + Columns.CHANNEL + ", kind, key FROM delivery WHERE key >= ?")) {
        ps.setString(1, fromKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Kind kind = Kind.of(rs.getString("kind"));
            if (kinds.contains(kind)) {
              keys.add(new OutboxKey(Columns.channel(rs), kind, rs.getString("key")));
            }
          }
        }
      }
      return keys;
    });
  }

  /** Pending rows whose time has come, oldest first, at most one unfinished row ahead per channel. */
  public List<Delivery> due(Instant now, int limit) {
    return due(now, EnumSet.allOf(Platform.class), limit);
  }

  /** {@link #due(Instant, int)} for the channels of some platforms (those with a running adapter). */
  public List<Delivery> due(Instant now, Set<Platform> platforms, int limit) {
    if (platforms.isEmpty()) {
      return List.of();
    }
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(DUE.formatted(placeholders(platforms.size())))) {
        ps.setString(1, Columns.instant(now));
        int i = bindPlatforms(ps, 2, platforms);
        ps.setInt(i, limit);
        return list(ps);
      }
    });
  }

  /**
   * When the next row may come due: the earliest attempt time among the channels' head rows (a
   * row held back behind an older one of its channel does not count). Empty if nothing is pending.
   */
  public Optional<Instant> nextAttemptAt() {
    return nextAttemptAt(EnumSet.allOf(Platform.class));
  }

  /** {@link #nextAttemptAt()} among the channels of some platforms. */
  public Optional<Instant> nextAttemptAt(Set<Platform> platforms) {
    if (platforms.isEmpty()) {
      return Optional.empty();
    }
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT min(d.next_attempt_at) FROM delivery d WHERE " + HEAD
          + " AND d.platform IN (" + placeholders(platforms.size()) + ")")) {
        bindPlatforms(ps, 1, platforms);
        try (ResultSet rs = ps.executeQuery()) {
          String t = rs.next() ? rs.getString(1) : null;
          return t == null ? Optional.<Instant>empty() : Optional.of(Columns.instant(t));
        }
      }
    });
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static int bindPlatforms(PreparedStatement ps, int index, Set<Platform> platforms) throws SQLException {
    int i = index;
    for (Platform p : platforms) {
      ps.setString(i++, p.name());
    }
    return i;
  }

  /**
   * At start-up: rows left {@code attempting} by a process that stopped mid-attempt go back to
   * pending, due now. Their outcome is unknown; their attempt count says an attempt may have posted.
   *
   * @return the rows recovered
   */
  public List<Delivery> recoverInterrupted(Instant now) {
    return db.write(c -> {
      List<Delivery> rows;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM delivery WHERE status = 'attempting' ORDER BY id")) {
        rows = list(ps);
      }
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = 'pending', next_attempt_at = ?,
                 last_error = 'interrupted during an attempt (outcome unknown)'
           WHERE status = 'attempting'""")) {
        ps.setString(1, Columns.instant(now));
        ps.executeUpdate();
      }
      return rows;
    });
  }

  /**
   * Starts an attempt: pending → attempting, one more attempt, committed before any network I/O.
   *
   * @return the row as it was before this attempt, or empty if it was no longer pending
   */
  public Optional<Delivery> claim(long id, Instant now) {
    return db.write(c -> {
      Optional<Delivery> before = find(c, id).filter(d -> d.status() == Status.PENDING);
      if (before.isPresent()) {
        try (PreparedStatement ps = c.prepareStatement("""
            UPDATE delivery SET status = 'attempting', attempts = attempts + 1, started_at = ?
             WHERE id = ? AND status = 'pending'""")) {
          ps.setString(1, Columns.instant(now));
          ps.setLong(2, id);
          ps.executeUpdate();
        }
      }
      return before;
    });
  }

  /** attempting → sent, with the platform's ids of what was posted. */
  public boolean markSent(long id, List<String> messageIds, Instant now) {
    String ids;
    try {
      ids = JSON.writeValueAsString(List.copyOf(messageIds));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write message ids " + messageIds, e);
    }
    return finish(id, "sent", ids, null, now);
  }

  /**
   * attempting → pending, to be tried again at {@code nextAttemptAt}.
   *
   * @param transientFailure whether this counts as a failure (5xx, timeout); a rate limit does not
   */
  public boolean markRetry(long id, Instant nextAttemptAt, String error, boolean transientFailure) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = 'pending', next_attempt_at = ?, last_error = ?,
                 failures = failures + ?
           WHERE id = ? AND status = 'attempting'""")) {
        ps.setString(1, Columns.instant(nextAttemptAt));
        ps.setString(2, error);
        ps.setInt(3, transientFailure ? 1 : 0);
        ps.setLong(4, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /** attempting → failed, for good. */
  public boolean markFailed(long id, String reason, Instant now) {
    return finish(id, "failed", null, reason, now);
  }

  /**
   * attempting → failed, and the channel's subscription paused with the same reason (the channel
   * is gone or forbids the bot), in one transaction.
   */
  public boolean markFailedAndPause(long id, String reason, Instant now) {
    return db.write(c -> {
      Optional<Delivery> row = find(c, id);
      boolean failed = finish(c, id, "failed", null, reason, now);
      if (failed && row.isPresent()) {
        SubscriptionStore.pause(c, row.get().channel(), reason, now);
      }
      return failed;
    });
  }

  /** pending or attempting → skipped: it must not go out. */
  public boolean markSkipped(long id, String reason, Instant now) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = 'skipped', last_error = ?, finished_at = ?
           WHERE id = ? AND status IN ('pending', 'attempting')""")) {
        ps.setString(1, reason);
        ps.setString(2, Columns.instant(now));
        ps.setLong(3, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  public Optional<Delivery> find(long id) {
    return db.read(c -> find(c, id));
  }

  public Optional<Delivery> find(OutboxKey key) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM delivery WHERE " + Columns.CHANNEL_MATCH + " AND kind = ? AND key = ?")) {
        int i = Columns.bindChannel(ps, 1, key.channel());
        ps.setString(i++, key.kind().word());
        ps.setString(i, key.key());
        List<Delivery> rows = list(ps);
        return rows.isEmpty() ? Optional.<Delivery>empty() : Optional.of(rows.get(0));
      }
    });
  }

  /** A channel's rows, newest due first. */
  public List<Delivery> forChannel(ChannelRef channel, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM delivery WHERE "
          + Columns.CHANNEL_MATCH + " ORDER BY due_at DESC, id DESC LIMIT ?")) {
        int i = Columns.bindChannel(ps, 1, channel);
        ps.setInt(i, limit);
        return list(ps);
      }
    });
  }

  /** The newest row (by due time) of each channel of one guild or workspace. */
  public Map<ChannelRef, Delivery> latestPerChannel(Platform platform, String workspace) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + """
           FROM (SELECT *, row_number() OVER (PARTITION BY channel, thread ORDER BY due_at DESC, id DESC) AS nth
                   FROM delivery WHERE platform = ? AND workspace = ?)
          WHERE nth = 1""")) {
        ps.setString(1, platform.name());
        ps.setString(2, workspace);
        Map<ChannelRef, Delivery> latest = new LinkedHashMap<>();
        for (Delivery d : list(ps)) {
          latest.put(d.channel(), d);
        }
        return latest;
      }
    });
  }

  /** Every row, in id order (operators, tests). */
  public List<Delivery> all() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM delivery ORDER BY id")) {
        return list(ps);
      }
    });
  }

  /** How many rows are in each status. */
  public Map<Status, Integer> counts() {
    return db.read(c -> {
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (Status s : Status.values()) {
        counts.put(s, 0);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM delivery GROUP BY status");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(Status.of(rs.getString(1)), rs.getInt(2));
        }
      }
      return counts;
    });
  }

  private boolean finish(long id, String status, String messageIds, String error, Instant now) {
    return db.write(c -> finish(c, id, status, messageIds, error, now));
  }

  private static boolean finish(Connection c, long id, String status, String messageIds, String error, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        UPDATE delivery SET status = ?, message_ids = ?, last_error = coalesce(?, last_error), finished_at = ?
         WHERE id = ? AND status = 'attempting'""")) {
      ps.setString(1, status);
      ps.setString(2, messageIds);
      ps.setString(3, error);
      ps.setString(4, Columns.instant(now));
      ps.setLong(5, id);
      return ps.executeUpdate() > 0;
    }
  }

  private static Optional<Delivery> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM delivery WHERE id = ?")) {
      ps.setLong(1, id);
      List<Delivery> rows = list(ps);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  private static List<Delivery> list(PreparedStatement ps) throws SQLException {
    List<Delivery> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(read(rs));
      }
    }
    return rows;
  }

  private static Delivery read(ResultSet rs) throws SQLException {
    return new Delivery(
        rs.getLong("id"),
        Columns.channel(rs),
        Kind.of(rs.getString("kind")),
        rs.getString("key"),
        rs.getInt("top"),
        Columns.optionalInt(rs, "min_votes"),
        Subscription.Style.parse(rs.getString("style")),
        Columns.instant(rs.getString("due_at")),
        Status.of(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getInt("failures"),
        Columns.instant(rs.getString("next_attempt_at")),
        Columns.optionalInstant(rs, "started_at"),
        Columns.optionalInstant(rs, "finished_at"),
        messageIds(rs.getString("message_ids")),
        Optional.ofNullable(rs.getString("last_error")),
        Columns.instant(rs.getString("created_at")));
  }

  private static List<String> messageIds(String json) throws SQLException {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new SQLException("delivery.message_ids is not a JSON array of strings: " + json, e);
    }
  }
}
