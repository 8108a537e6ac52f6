package io.paperboy.store.sqlite.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of table {@code delivery} as {@link Delivery} records, and the SQL that picks them. */
final class DeliveryRows {

  /** The columns {@link #read} reads; select them from {@code delivery d}. */
  static final String COLUMNS = "d.id, d." + String.join(", d.", Columns.CHANNEL.split(", ")) + """
      , d.kind, d.key, d.top, d.min_votes, d.style, d.due_at, d.status, d.attempts, d.failures,
        d.next_attempt_at, d.started_at, d.claimed_by, d.lease_until, d.finished_at, d.message_ids,
        d.last_error, d.created_at""";

  static final String SELECT = "SELECT " + COLUMNS + " FROM delivery d";

  /**
   * {@code d} is pending and the head of its channel: no older row of the channel is unfinished,
   * so posts to one channel go out in order, a retry holding back later days. Bind with
   * {@link #bindHead}.
   */
  static final String HEAD = """
      d.status = ?
      AND NOT EXISTS (
        SELECT 1 FROM delivery e
         WHERE e.platform = d.platform AND e.workspace = d.workspace AND e.channel = d.channel
           AND e.thread = d.thread AND e.status IN (?, ?)
           AND (e.due_at < d.due_at OR (e.due_at = d.due_at AND e.id < d.id)))
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private DeliveryRows() {}

  /** Binds {@link #HEAD}'s parameters from {@code index}; returns the next index. */
  static int bindHead(PreparedStatement ps, int index) throws SQLException {
    ps.setString(index, Status.PENDING.word());
    ps.setString(index + 1, Status.PENDING.word());
    ps.setString(index + 2, Status.ATTEMPTING.word());
    return index + 3;
  }

  static Optional<Delivery> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE d.id = ?")) {
      ps.setLong(1, id);
      return first(ps);
    }
  }

  static Optional<Delivery> first(PreparedStatement ps) throws SQLException {
    List<Delivery> rows = list(ps);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static List<Delivery> list(PreparedStatement ps) throws SQLException {
    List<Delivery> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(read(rs));
      }
    }
    return rows;
  }

  static Delivery read(ResultSet rs) throws SQLException {
    String holder = rs.getString("claimed_by");
    String leaseUntil = rs.getString("lease_until");
    Optional<Lease> lease = holder == null || leaseUntil == null ? Optional.empty()
        : Optional.of(new Lease(holder, Columns.instant(leaseUntil)));
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
        lease,
        Columns.optionalInstant(rs, "finished_at"),
        messageIds(rs.getString("message_ids")),
        Optional.ofNullable(rs.getString("last_error")),
        Columns.instant(rs.getString("created_at")));
  }

  static String messageIdsJson(List<String> messageIds) {
    try {
      return JSON.writeValueAsString(List.copyOf(messageIds));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write message ids " + messageIds, e);
    }
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
