package io.paperboy.store.postgresql.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of table {@code delivery} as {@link Delivery} records, the channel columns, and the head-of-channel rule. */
final class DeliveryRows {

  /** The four columns that name a channel, in bind order. */
  static final String CHANNEL = "platform, workspace, channel, thread";
  static final String CHANNEL_MATCH = "platform = ? AND workspace = ? AND channel = ? AND thread = ?";

  /** The columns {@link #read} reads; select them from {@code delivery d}. */
  static final String COLUMNS = """
      d.id, d.platform, d.workspace, d.channel, d.thread, d.kind, d.key, d.top, d.min_votes, d.style, d.due_at,
      d.status, d.attempts, d.failures, d.next_attempt_at, d.started_at, d.claimed_by, d.lease_until,
      d.finished_at, d.message_ids, d.last_error, d.created_at""";

  static final String SELECT = "SELECT " + COLUMNS + " FROM delivery d";

  /**
   * {@code d} is pending and the head of its channel: no older row of the channel is pending or
   * attempting, so posts to one channel go out in order across every instance, a retry holding
   * back later days, and a channel with a live lease offers nothing else.
   */
  static final String HEAD = """
      d.status = 'pending'
      AND NOT EXISTS (
        SELECT 1 FROM delivery e
         WHERE e.platform = d.platform AND e.workspace = d.workspace AND e.channel = d.channel
           AND e.thread = d.thread AND e.status IN ('pending', 'attempting')
           AND (e.due_at < d.due_at OR (e.due_at = d.due_at AND e.id < d.id)))
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private DeliveryRows() {}

  /** Binds the channel's four columns from {@code index}; returns the next index. */
  static int bindChannel(PreparedStatement ps, int index, ChannelRef channel) throws SQLException {
    ps.setString(index, channel.platform().name());
    ps.setString(index + 1, channel.workspace());
    ps.setString(index + 2, channel.channel());
    ps.setString(index + 3, channel.thread().orElse(""));
    return index + 4;
  }

  static ChannelRef channel(ResultSet rs) throws SQLException {
    String thread = rs.getString("thread");
    return new ChannelRef(Platform.valueOf(rs.getString("platform")), rs.getString("workspace"),
        rs.getString("channel"), thread.isEmpty() ? Optional.empty() : Optional.of(thread));
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
    Instant leaseUntil = Sql.instant(rs, "lease_until");
    Optional<Lease> lease = holder == null || leaseUntil == null ? Optional.empty()
        : Optional.of(new Lease(holder, leaseUntil));
    return new Delivery(
        rs.getLong("id"),
        channel(rs),
        Kind.of(rs.getString("kind")),
        rs.getString("key"),
        rs.getInt("top"),
        Sql.optionalInt(rs, "min_votes"),
        Subscription.Style.parse(rs.getString("style")),
        Sql.instant(rs, "due_at"),
        Status.of(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getInt("failures"),
        Sql.instant(rs, "next_attempt_at"),
        Sql.optionalInstant(rs, "started_at"),
        lease,
        Sql.optionalInstant(rs, "finished_at"),
        messageIds(rs.getString("message_ids")),
        Optional.ofNullable(Sql.text(rs, "last_error")),
        Sql.instant(rs, "created_at"));
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
