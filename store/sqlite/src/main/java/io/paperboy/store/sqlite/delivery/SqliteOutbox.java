package io.paperboy.store.sqlite.delivery;

import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Claim;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.ShardFilter;
import io.paperboy.store.sqlite.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link OutboxStore} on table {@code delivery}: the queue's state machine. Every transition is
 * one short write transaction on the single writer, so a claim and its checks are atomic without
 * row locks (one process owns the file). An attempt's marks match its claim by holder and attempt
 * number, which is what fences off a holder whose lease was taken back.
 */
public final class SqliteOutbox implements OutboxStore {

  private static final String INSERT = "INSERT INTO delivery (" + Columns.CHANNEL + """
      , kind, key, top, min_votes, style, due_at, status, next_attempt_at, last_error, finished_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (platform, workspace, channel, thread, kind, key) DO NOTHING
      """;
  private static final String DUE = DeliveryRows.SELECT + " WHERE " + DeliveryRows.HEAD
      + " AND d.next_attempt_at <= ? AND d.platform IN (%s)%s ORDER BY d.due_at, d.id LIMIT ?";
  private static final String CLAIMABLE = DeliveryRows.SELECT + " WHERE d.id = ? AND " + DeliveryRows.HEAD
      + " AND d.next_attempt_at <= ?";
  /** The row of a running attempt: matched by its claim, so a stale holder marks nothing. */
  private static final String OF_CLAIM = " WHERE id = ? AND status = ? AND attempts = ? AND claimed_by = ?";
  private static final String INTERRUPTED = "interrupted during an attempt (outcome unknown)";

  private final Database db;

  public SqliteOutbox(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public List<PlannedDelivery> enqueue(List<PlannedDelivery> rows, Instant now) {
    if (rows.isEmpty()) {
      return List.of();
    }
    return db.write(c -> {
      List<PlannedDelivery> added = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (PlannedDelivery row : rows) {
          boolean skipped = row.skipReason().isPresent();
          int i = Columns.bindChannel(ps, 1, row.channel());
          ps.setString(i++, row.kind().word());
          ps.setString(i++, row.key());
          ps.setInt(i++, row.top());
          Columns.setOptionalInt(ps, i++, row.minVotes());
          ps.setString(i++, row.style().word());
          ps.setString(i++, Columns.instant(row.dueAt()));
          ps.setString(i++, (skipped ? Status.SKIPPED : Status.PENDING).word());
          ps.setString(i++, Columns.instant(row.dueAt()));
          ps.setString(i++, row.skipReason().orElse(null));
          ps.setString(i++, skipped ? Columns.instant(now) : null);
          ps.setString(i, Columns.instant(now));
          if (ps.executeUpdate() > 0) {
            added.add(row);
          }
        }
      }
      return added;
    });
  }

  @Override
  public List<Delivery> due(Instant now, Set<Platform> platforms, ShardFilter shards, int limit) {
    if (platforms.isEmpty()) {
      return List.of();
    }
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(DUE.formatted(placeholders(platforms.size()),
          ShardCondition.of(shards)))) {
        int i = DeliveryRows.bindHead(ps, 1);
        ps.setString(i++, Columns.instant(now));
        i = bindPlatforms(ps, i, platforms);
        ps.setInt(i, limit);
        return DeliveryRows.list(ps);
      }
    });
  }

  @Override
  public Optional<Instant> nextAttemptAt(Set<Platform> platforms, ShardFilter shards) {
    if (platforms.isEmpty()) {
      return Optional.empty();
    }
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT min(d.next_attempt_at) FROM delivery d WHERE "
          + DeliveryRows.HEAD + " AND d.platform IN (" + placeholders(platforms.size()) + ")" + ShardCondition.of(shards))) {
        bindPlatforms(ps, DeliveryRows.bindHead(ps, 1), platforms);
        try (ResultSet rs = ps.executeQuery()) {
          String t = rs.next() ? rs.getString(1) : null;
          return t == null ? Optional.<Instant>empty() : Optional.of(Columns.instant(t));
        }
      }
    });
  }

  @Override
  public Optional<Claim> claim(long id, Instant now, Lease lease, ShardFilter shards) {
    Objects.requireNonNull(lease, "lease");
    return db.write(c -> {
      Optional<Delivery> before;
      try (PreparedStatement ps = c.prepareStatement(CLAIMABLE + ShardCondition.of(shards))) {
        ps.setLong(1, id);
        int i = DeliveryRows.bindHead(ps, 2);
        ps.setString(i, Columns.instant(now));
        before = DeliveryRows.first(ps);
      }
      if (before.isEmpty()) {
        return Optional.<Claim>empty();
      }
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = ?, attempts = attempts + 1, started_at = ?, claimed_by = ?, lease_until = ?
           WHERE id = ?""")) {
        ps.setString(1, Status.ATTEMPTING.word());
        ps.setString(2, Columns.instant(now));
        ps.setString(3, lease.holder());
        ps.setString(4, Columns.instant(lease.until()));
        ps.setLong(5, id);
        ps.executeUpdate();
      }
      return Optional.of(new Claim(before.get(), lease));
    });
  }

  @Override
  public boolean renewLease(Claim claim, Instant until) {
    Objects.requireNonNull(until, "until");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET lease_until = ?" + OF_CLAIM)) {
        ps.setString(1, Columns.instant(until));
        bindClaim(ps, 2, claim);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public boolean markSent(Claim claim, List<String> messageIds, Instant now) {
    String ids = DeliveryRows.messageIdsJson(messageIds);
    return db.write(c -> finish(c, claim, Status.SENT, ids, null, now));
  }

  @Override
  public boolean markRetry(Claim claim, Instant nextAttemptAt, String error, boolean transientFailure) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = ?, next_attempt_at = ?, last_error = ?, failures = failures + ?,
                 claimed_by = NULL, lease_until = NULL""" + OF_CLAIM)) {
        ps.setString(1, Status.PENDING.word());
        ps.setString(2, Columns.instant(nextAttemptAt));
        ps.setString(3, error);
        ps.setInt(4, transientFailure ? 1 : 0);
        bindClaim(ps, 5, claim);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public boolean markFailed(Claim claim, String reason, Instant now) {
    return db.write(c -> finish(c, claim, Status.FAILED, null, reason, now));
  }

  @Override
  public boolean markFailedAndPause(Claim claim, String reason, Instant now) {
    return db.write(c -> {
      boolean failed = finish(c, claim, Status.FAILED, null, reason, now);
      if (failed) {
        SqliteSubscriptionStore.pause(c, claim.before().channel(), reason, now);
      }
      return failed;
    });
  }

  @Override
  public boolean markSkipped(long id, String reason, Instant now) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = ?, last_error = ?, finished_at = ?, claimed_by = NULL, lease_until = NULL
           WHERE id = ? AND status IN (?, ?)""")) {
        ps.setString(1, Status.SKIPPED.word());
        ps.setString(2, reason);
        ps.setString(3, Columns.instant(now));
        ps.setLong(4, id);
        ps.setString(5, Status.PENDING.word());
        ps.setString(6, Status.ATTEMPTING.word());
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<Delivery> recoverInterrupted(Instant now) {
    return recover(now, "status = ?", false);
  }

  @Override
  public List<Delivery> recoverExpired(Instant now) {
    return recover(now, "status = ? AND (lease_until IS NULL OR lease_until <= ?)", true);
  }

  /** Attempting rows matching {@code condition} → pending, due now; returns them as they were. */
  private List<Delivery> recover(Instant now, String condition, boolean leaseBound) {
    return db.write(c -> {
      List<Delivery> rows;
      try (PreparedStatement ps = c.prepareStatement(DeliveryRows.SELECT + " WHERE " + condition + " ORDER BY d.id")) {
        bindRecovery(ps, 1, now, leaseBound);
        rows = DeliveryRows.list(ps);
      }
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, lease_until = NULL
           WHERE\s""" + condition)) {
        ps.setString(1, Status.PENDING.word());
        ps.setString(2, Columns.instant(now));
        ps.setString(3, INTERRUPTED);
        bindRecovery(ps, 4, now, leaseBound);
        ps.executeUpdate();
      }
      return rows;
    });
  }

  private static void bindRecovery(PreparedStatement ps, int index, Instant now, boolean leaseBound)
      throws SQLException {
    ps.setString(index, Status.ATTEMPTING.word());
    if (leaseBound) {
      ps.setString(index + 1, Columns.instant(now));
    }
  }

  private static boolean finish(Connection c, Claim claim, Status status, String messageIds, String error,
      Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        UPDATE delivery SET status = ?, message_ids = ?, last_error = coalesce(?, last_error), finished_at = ?,
               claimed_by = NULL, lease_until = NULL""" + OF_CLAIM)) {
      ps.setString(1, status.word());
      ps.setString(2, messageIds);
      ps.setString(3, error);
      ps.setString(4, Columns.instant(now));
      bindClaim(ps, 5, claim);
      return ps.executeUpdate() > 0;
    }
  }

  private static void bindClaim(PreparedStatement ps, int index, Claim claim) throws SQLException {
    ps.setLong(index, claim.id());
    ps.setString(index + 1, Status.ATTEMPTING.word());
    ps.setInt(index + 2, claim.attempt());
    ps.setString(index + 3, claim.lease().holder());
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static int bindPlatforms(PreparedStatement ps, int index, Set<Platform> platforms) throws SQLException {
    int i = index;
    for (Platform p : platforms) {
      ps.setString(i++, p.name());
    }
    return i;
  }
}
