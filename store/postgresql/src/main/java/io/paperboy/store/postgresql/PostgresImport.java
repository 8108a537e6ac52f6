package io.paperboy.store.postgresql;

import io.paperboy.store.alert.Alert;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Rows written as another database holds them, ids and history included, for moving an embedded
 * SQLite database to PostgreSQL ({@code paperboy db copy}). The ports cannot do it: they assign
 * ids (users name alerts by id in {@code /alert remove}) and move outbox rows only through their
 * state machine. Papers, digests and subscriptions go through the ports, which keep what matters.
 */
public final class PostgresImport {

  private static final List<String> TABLES = List.of("digest", "paper", "subscription", "delivery", "alert", "alert_batch");

  private final Database db;

  PostgresImport(Database db) {
    this.db = db;
  }

  /** The tables that hold rows already, e.g. {@code [paper, delivery]}; empty for a fresh database. */
  public List<String> nonEmptyTables() {
    return db.read(c -> {
      List<String> full = new java.util.ArrayList<>();
      try (Statement s = c.createStatement()) {
        for (String table : TABLES) {
          try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            if (rs.next() && rs.getBoolean(1)) {
              full.add(table);
            }
          }
        }
      }
      return full;
    });
  }

  /** Empties every table of the stores (for {@code db copy --replace}), in one transaction. */
  public void clear() {
    db.write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("TRUNCATE " + String.join(", ", TABLES) + " RESTART IDENTITY CASCADE");
      }
      return null;
    });
  }

  /** Inserts alerts with their ids, then moves the id sequence past them. */
  public void alerts(List<Alert> alerts) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (id, platform, workspace, target_kind, target,"
          + " created_by, query, mention, created_at) OVERRIDING SYSTEM VALUE VALUES (?,?,?,?,?,?,?,?,?)")) {
        for (Alert a : alerts) {
          ps.setLong(1, a.id());
          ps.setString(2, a.platform().name());
          ps.setString(3, a.workspace());
          ps.setString(4, a.toDirectMessage() ? "user" : "channel");
          ps.setString(5, a.target().directMessageUser().orElse(a.target().channel()));
          ps.setString(6, a.createdBy());
          Sql.setText(ps, 7, a.query());
          ps.setString(8, a.mention().orElse(null));
          Sql.setInstant(ps, 9, a.createdAt());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      resetSequence(c, "alert");
      return null;
    });
  }

  /** Inserts outbox rows exactly as they are (status, attempts, leases, message ids), then moves the id sequence past them. */
  public void deliveries(List<Delivery> rows) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          INSERT INTO delivery (id, platform, workspace, channel, thread, kind, key, top, min_votes, style, due_at,
                                status, attempts, failures, next_attempt_at, started_at, claimed_by, lease_until,
                                finished_at, message_ids, last_error, created_at)
          OVERRIDING SYSTEM VALUE
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")) {
        for (Delivery d : rows) {
          int i = 1;
          ps.setLong(i++, d.id());
          ps.setString(i++, d.channel().platform().name());
          ps.setString(i++, d.channel().workspace());
          ps.setString(i++, d.channel().channel());
          ps.setString(i++, d.channel().thread().orElse(""));
          ps.setString(i++, d.kind().word());
          ps.setString(i++, d.key());
          ps.setInt(i++, d.top());
          Sql.setOptionalInt(ps, i++, d.minVotes());
          ps.setString(i++, d.style().word());
          Sql.setInstant(ps, i++, d.dueAt());
          ps.setString(i++, d.status().word());
          ps.setInt(i++, d.attempts());
          ps.setInt(i++, d.failures());
          Sql.setInstant(ps, i++, d.nextAttemptAt());
          Sql.setInstant(ps, i++, d.startedAt().orElse(null));
          ps.setString(i++, d.lease().map(l -> l.holder()).orElse(null));
          Sql.setInstant(ps, i++, d.lease().map(l -> l.until()).orElse(null));
          Sql.setInstant(ps, i++, d.finishedAt().orElse(null));
          ps.setString(i++, d.status() == Delivery.Status.SENT || !d.messageIds().isEmpty()
              ? new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(d.messageIds()) : null);
          Sql.setText(ps, i++, d.lastError().orElse(null));
          Sql.setInstant(ps, i, d.createdAt());
          ps.addBatch();
        }
        ps.executeBatch();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot write message ids as JSON", e);
      }
      resetSequence(c, "delivery");
      return null;
    });
  }

  private static void resetSequence(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((SELECT max(id) FROM " + table
          + "), 0) + 1, false)");
    }
  }
}
