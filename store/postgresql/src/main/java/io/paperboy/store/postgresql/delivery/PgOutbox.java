package io.paperboy.store.postgresql.delivery;

import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Claim;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.ShardFilter;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link OutboxStore} on table {@code delivery}, for several instances at once. A claim is one
 * statement: the row is selected {@code FOR UPDATE SKIP LOCKED} under the head-of-channel rule
 * and updated in the same statement, so of several claimers (threads or instances) one wins and
 * the others skip it without waiting. Marks match their claim by holder and attempt number, which
 * fences off a holder whose lease was taken back. Recovery of expired leases touches only rows
 * whose lease has passed.
 */
public final class PgOutbox implements OutboxStore {

  private static final String INSERT = "INSERT INTO delivery (" + DeliveryRows.CHANNEL + """
      , kind, key, top, min_votes, style, due_at, status, next_attempt_at, last_error, finished_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (platform, workspace, channel, thread, kind, key) DO NOTHING
      """;
  private static final String DUE = DeliveryRows.SELECT + " WHERE " + DeliveryRows.HEAD
      + " AND d.next_attempt_at <= ? AND d.platform = ANY (?)%s ORDER BY d.due_at, d.id LIMIT ?";
  /** The row before the attempt (locked, or skipped when another claimer holds it) and the update, in one statement. */
  private static final String CLAIM = "WITH claimable AS (" + DeliveryRows.SELECT + " WHERE d.id = ? AND "
      + DeliveryRows.HEAD + " AND d.next_attempt_at <= ?%s FOR UPDATE OF d SKIP LOCKED), "
      + """
      claimed AS (
        UPDATE delivery SET status = 'attempting', attempts = delivery.attempts + 1, started_at = ?,
               claimed_by = ?, lease_until = ?
          FROM claimable WHERE delivery.id = claimable.id RETURNING delivery.id)
      SELECT d.* FROM claimable d JOIN claimed ON claimed.id = d.id
      """;
  /** The row of a running attempt: matched by its claim, so a stale holder marks nothing. */
  private static final String OF_CLAIM = " WHERE id = ? AND status = 'attempting' AND attempts = ? AND claimed_by = ?";
  private static final String INTERRUPTED = "interrupted during an attempt (outcome unknown)";

  private final Database db;

  public PgOutbox(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * {@inheritDoc} Rows are inserted in the given order (ids, and so ties of due time, follow it).
   * Two instances enqueueing overlapping rows in different orders may deadlock on each other's
   * unique keys; PostgreSQL then aborts one, which enqueues again (enqueueing is idempotent).
   */
  @Override
  public List<PlannedDelivery> enqueue(List<PlannedDelivery> rows, Instant now) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<OutboxKey> added = db.writeRetryingDeadlocks(c -> {
      Set<OutboxKey> fresh = new java.util.HashSet<>();
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (PlannedDelivery row : rows) {
          boolean skipped = row.skipReason().isPresent();
          int i = DeliveryRows.bindChannel(ps, 1, row.channel());
          ps.setString(i++, row.kind().word());
          ps.setString(i++, row.key());
          ps.setInt(i++, row.top());
          Sql.setOptionalInt(ps, i++, row.minVotes());
          ps.setString(i++, row.style().word());
          Sql.setInstant(ps, i++, row.dueAt());
          ps.setString(i++, (skipped ? Status.SKIPPED : Status.PENDING).word());
          Sql.setInstant(ps, i++, row.dueAt());
          Sql.setText(ps, i++, row.skipReason().orElse(null));
          Sql.setInstant(ps, i++, skipped ? now : null);
          Sql.setInstant(ps, i, now);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int k = 0; k < counts.length; k++) {
          if (counts[k] > 0) {
            fresh.add(rows.get(k).outboxKey());
          }
        }
      }
      return fresh;
    });
    List<PlannedDelivery> out = new ArrayList<>();
    for (PlannedDelivery row : rows) {
      if (added.remove(row.outboxKey())) {
        out.add(row);
      }
    }
    return out;
  }

  @Override
  public List<Delivery> due(Instant now, Set<Platform> platforms, ShardFilter shards, int limit) {
    if (platforms.isEmpty()) {
      return List.of();
    }
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement(DUE.formatted(ShardCondition.of(shards)))) {
        Sql.setInstant(ps, 1, now);
        ps.setArray(2, platforms(c, platforms));
        ps.setInt(3, limit);
        return DeliveryRows.list(ps);
      }
    });
  }

  @Override
  public Optional<Instant> nextAttemptAt(Set<Platform> platforms, ShardFilter shards) {
    if (platforms.isEmpty()) {
      return Optional.empty();
    }
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT min(d.next_attempt_at) FROM delivery d WHERE "
          + DeliveryRows.HEAD + " AND d.platform = ANY (?)" + ShardCondition.of(shards))) {
        ps.setArray(1, platforms(c, platforms));
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(Sql.instant(rs, 1)) : Optional.<Instant>empty();
        }
      }
    });
  }

  @Override
  public Optional<Claim> claim(long id, Instant now, Lease lease, ShardFilter shards) {
    Objects.requireNonNull(lease, "lease");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(CLAIM.formatted(ShardCondition.of(shards)))) {
        ps.setLong(1, id);
        Sql.setInstant(ps, 2, now);
        Sql.setInstant(ps, 3, now);
        ps.setString(4, lease.holder());
        Sql.setInstant(ps, 5, lease.until());
        return DeliveryRows.first(ps).map(before -> new Claim(before, lease));
      }
    });
  }

  @Override
  public boolean renewLease(Claim claim, Instant until) {
    Objects.requireNonNull(until, "until");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET lease_until = ?" + OF_CLAIM)) {
        Sql.setInstant(ps, 1, until);
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
          UPDATE delivery SET status = 'pending', next_attempt_at = ?, last_error = ?, failures = failures + ?,
                 claimed_by = NULL, lease_until = NULL""" + OF_CLAIM)) {
        Sql.setInstant(ps, 1, nextAttemptAt);
        Sql.setText(ps, 2, error);
        ps.setInt(3, transientFailure ? 1 : 0);
        bindClaim(ps, 4, claim);
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
        PgSubscriptionStore.pause(c, claim.before().channel(), reason, now);
      }
      return failed;
    });
  }

  @Override
  public boolean markSkipped(long id, String reason, Instant now) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = 'skipped', last_error = ?, finished_at = ?, claimed_by = NULL, lease_until = NULL
           WHERE id = ? AND status IN ('pending', 'attempting')""")) {
        Sql.setText(ps, 1, reason);
        Sql.setInstant(ps, 2, now);
        ps.setLong(3, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<Delivery> recoverInterrupted(Instant now) {
    return recover(now, false);
  }

  @Override
  public List<Delivery> recoverExpired(Instant now) {
    return recover(now, true);
  }

  /**
   * Attempting rows (only those whose lease has passed, when {@code leaseBound}) → pending, due
   * now; returns them as they were. The rows are locked {@code SKIP LOCKED}, so two instances
   * recovering at once take back each row once, and a row being marked right now is left to its mark.
   */
  private List<Delivery> recover(Instant now, boolean leaseBound) {
    String condition = "d.status = 'attempting'" + (leaseBound ? " AND (d.lease_until IS NULL OR d.lease_until <= ?)" : "");
    return db.write(c -> {
      List<Delivery> rows;
      try (PreparedStatement ps = c.prepareStatement(
          DeliveryRows.SELECT + " WHERE " + condition + " ORDER BY d.id FOR UPDATE OF d SKIP LOCKED")) {
        if (leaseBound) {
          Sql.setInstant(ps, 1, now);
        }
        rows = DeliveryRows.list(ps);
      }
      if (rows.isEmpty()) {
        return rows;
      }
      try (PreparedStatement ps = c.prepareStatement("""
          UPDATE delivery SET status = 'pending', next_attempt_at = ?, last_error = ?, claimed_by = NULL,
                 lease_until = NULL WHERE id = ANY (?)""")) {
        Sql.setInstant(ps, 1, now);
        ps.setString(2, INTERRUPTED);
        ps.setArray(3, c.createArrayOf("bigint", rows.stream().map(Delivery::id).toArray()));
        ps.executeUpdate();
      }
      return rows;
    });
  }

  private static boolean finish(Connection c, Claim claim, Status status, String messageIds, String error,
      Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        UPDATE delivery SET status = ?, message_ids = ?::jsonb, last_error = coalesce(?, last_error), finished_at = ?,
               claimed_by = NULL, lease_until = NULL""" + OF_CLAIM)) {
      ps.setString(1, status.word());
      ps.setString(2, messageIds);
      Sql.setText(ps, 3, error);
      Sql.setInstant(ps, 4, now);
      bindClaim(ps, 5, claim);
      return ps.executeUpdate() > 0;
    }
  }

  private static void bindClaim(PreparedStatement ps, int index, Claim claim) throws SQLException {
    ps.setLong(index, claim.id());
    ps.setInt(index + 1, claim.attempt());
    ps.setString(index + 2, claim.lease().holder());
  }

  private static java.sql.Array platforms(Connection c, Set<Platform> platforms) throws SQLException {
    return c.createArrayOf("text", platforms.stream().map(Platform::name).toArray());
  }
}
