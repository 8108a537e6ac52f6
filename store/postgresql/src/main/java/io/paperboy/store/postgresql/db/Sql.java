package io.paperboy.store.postgresql.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Column conversions every store of this backend shares: instants as timestamptz, dates, optionals, text. */
public final class Sql {

  private Sql() {}

  public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(instant(rs, column));
  }

  public static void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
    ps.setObject(index, value);
  }

  public static LocalDate date(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  public static void setText(PreparedStatement ps, int index, String value) throws SQLException {
    ps.setString(index, PgText.store(value));
  }

  public static String text(ResultSet rs, int column) throws SQLException {
    return PgText.load(rs.getString(column));
  }

  public static String text(ResultSet rs, String column) throws SQLException {
    return PgText.load(rs.getString(column));
  }

  public static void setOptionalInt(PreparedStatement ps, int index, Optional<Integer> value) throws SQLException {
    if (value.isPresent()) {
      ps.setInt(index, value.get());
    } else {
      ps.setNull(index, Types.INTEGER);
    }
  }

  public static Optional<Integer> optionalInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  public static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  public static void setOptionalText(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
    setText(ps, index, value.orElse(null));
  }
}
