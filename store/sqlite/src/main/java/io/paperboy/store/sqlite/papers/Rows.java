package io.paperboy.store.sqlite.papers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Paper;
import io.paperboy.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Converts between rows and the domain records. Column lists here match the SELECTs that use them. */
final class Rows {

  /** Columns read by {@link #entry}, in this order. */
  static final String ENTRY_COLUMNS = "date, rank, arxiv_id, title, url, votes, authors, media, summary, authors_more";

  /**
   * Selects what {@link #paper} reads; append a WHERE clause. The dates come unordered: an
   * ordered aggregate ({@code group_concat(... ORDER BY date)}) sorts in a temporary b-tree on
   * every call, measured at about a third of the whole {@code /paper} lookup at 100k papers, so
   * {@link #paper} sorts the few dates itself.
   */
  static final String PAPER_SELECT = """
      SELECT p.arxiv_id, p.title, p.url, p.votes, p.authors, p.media, p.summary,
             (SELECT group_concat(e.date, ',') FROM digest_entry e WHERE e.arxiv_id = p.arxiv_id) AS dates,
             p.authors_more
        FROM paper p
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectReader STRING_LIST = JSON.readerFor(new TypeReference<List<String>>() {});

  private Rows() {}

  static DigestEntry entry(ResultSet rs) throws SQLException {
    return new DigestEntry(
        LocalDate.parse(rs.getString(1)),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        optionalInt(rs, 6),
        authors(rs.getString(7)),
        rs.getInt(10) != 0,
        Optional.ofNullable(rs.getString(8)),
        rs.getString(9));
  }

  static Paper paper(ResultSet rs) throws SQLException {
    return paper(rs, 0);
  }

  /** Reads a paper whose columns start after the first {@code skip} columns. */
  static Paper paper(ResultSet rs, int skip) throws SQLException {
    List<LocalDate> listed = dates(rs.getString(skip + 8));
    return new Paper(
        rs.getString(skip + 1),
        rs.getString(skip + 2),
        rs.getString(skip + 3),
        optionalInt(rs, skip + 4),
        authors(rs.getString(skip + 5)),
        rs.getInt(skip + 9) != 0,
        Optional.ofNullable(rs.getString(skip + 6)),
        rs.getString(skip + 7),
        listed);
  }

  /** A comma-separated list of ISO dates ({@code 2024-06-07,2024-06-05}), oldest first. */
  static List<LocalDate> dates(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isEmpty()) {
      return List.of();
    }
    List<LocalDate> dates = new ArrayList<>(2);
    int from = 0;
    while (from < commaSeparated.length()) {
      int comma = commaSeparated.indexOf(',', from);
      int to = comma < 0 ? commaSeparated.length() : comma;
      dates.add(isoDate(commaSeparated, from, to));
      from = to + 1;
    }
    dates.sort(null);
    return dates;
  }

  /** {@code yyyy-mm-dd}, which the schema checks ({@code digest.date GLOB ...}), read without a formatter. */
  private static LocalDate isoDate(CharSequence text, int from, int to) {
    try {
      if (to - from != 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
        throw new IllegalArgumentException("not yyyy-mm-dd");
      }
      return LocalDate.of(Integer.parseInt(text, from, from + 4, 10), Integer.parseInt(text, from + 5, from + 7, 10),
          Integer.parseInt(text, from + 8, from + 10, 10));
    } catch (RuntimeException e) {
      throw new StoreException("a stored digest date is not a yyyy-mm-dd date: " + text.subSequence(from, to), e);
    }
  }

  static Optional<Integer> optionalInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  static void setOptionalInt(PreparedStatement ps, int index, Optional<Integer> value) throws SQLException {
    if (value.isPresent()) {
      ps.setInt(index, value.get());
    } else {
      ps.setNull(index, Types.INTEGER);
    }
  }

  static void setOptionalString(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  /** Authors as a JSON array of strings: order, commas inside names and control characters survive. */
  static String authorsJson(List<String> authors) {
    try {
      return JSON.writeValueAsString(authors);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write authors as JSON: " + e.getMessage(), e);
    }
  }

  static List<String> authors(String json) {
    try {
      return STRING_LIST.readValue(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored authors are not a JSON array of strings: " + json, e);
    }
  }
}
