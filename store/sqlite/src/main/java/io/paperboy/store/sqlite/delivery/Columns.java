package io.paperboy.store.sqlite.delivery;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Column conversions shared by the subscription and outbox stores. */
final class Columns {

  /** The four columns that name a channel, in bind order. */
  static final String CHANNEL = "platform, workspace, channel, thread";
  static final String CHANNEL_MATCH = "platform = ? AND workspace = ? AND channel = ? AND thread = ?";

  // fixed width, so that text comparison in SQL is time comparison (Instant.toString drops zeros)
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Columns() {}

  static String instant(Instant value) {
    return INSTANT.format(value);
  }

  static Instant instant(String text) {
    return Instant.parse(text);
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
  }

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

  static void setOptionalInt(PreparedStatement ps, int index, Optional<Integer> value) throws SQLException {
    if (value.isPresent()) {
      ps.setInt(index, value.get());
    } else {
      ps.setNull(index, Types.INTEGER);
    }
  }

  static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
