package io.paperboy.store.postgresql.papers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Paper;
import io.paperboy.store.StoreException;
import io.paperboy.store.postgresql.db.PgText;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Converts between rows and the domain records. Column lists here match the SELECTs that use them. */
final class PaperRows {

  /** Columns read by {@link #entry}, in this order. */
  static final String ENTRY_COLUMNS = "date, rank, arxiv_id, title, url, votes, authors, media, summary, authors_more";

  /** The columns {@link #paper} reads, of {@code paper p}. */
  static final String PAPER_COLUMNS = """
      p.arxiv_id, p.title, p.url, p.votes, p.authors, p.media, p.summary,
      (SELECT string_agg(to_char(e.date, 'YYYY-MM-DD'), ',' ORDER BY e.date)
         FROM digest_entry e WHERE e.arxiv_id = p.arxiv_id) AS dates,
      p.authors_more""";

  /** Selects what {@link #paper} reads; append a WHERE clause. */
  static final String PAPER_SELECT = "SELECT " + PAPER_COLUMNS + " FROM paper p";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectReader STRING_LIST = JSON.readerFor(new TypeReference<List<String>>() {});

  private PaperRows() {}

  static DigestEntry entry(ResultSet rs) throws SQLException {
    return new DigestEntry(
        Sql.date(rs, 1),
        rs.getInt(2),
        rs.getString(3),
        Sql.text(rs, 4),
        Sql.text(rs, 5),
        Sql.optionalInt(rs, 6),
        authors(rs.getString(7)),
        rs.getBoolean(10),
        Optional.ofNullable(Sql.text(rs, 8)),
        Sql.text(rs, 9));
  }

  static Paper paper(ResultSet rs) throws SQLException {
    return paper(rs, 0);
  }

  /** Reads a paper whose columns start after the first {@code skip} columns. */
  static Paper paper(ResultSet rs, int skip) throws SQLException {
    return new Paper(
        rs.getString(skip + 1),
        Sql.text(rs, skip + 2),
        Sql.text(rs, skip + 3),
        Sql.optionalInt(rs, skip + 4),
        authors(rs.getString(skip + 5)),
        rs.getBoolean(skip + 9),
        Optional.ofNullable(Sql.text(rs, skip + 6)),
        Sql.text(rs, skip + 7),
        dates(rs.getString(skip + 8)));
  }

  /** {@code 2024-06-05,2024-06-07}, already in order. */
  static List<LocalDate> dates(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isEmpty()) {
      return List.of();
    }
    List<LocalDate> dates = new ArrayList<>(2);
    for (String d : commaSeparated.split(",")) {
      dates.add(LocalDate.parse(d));
    }
    return dates;
  }

  /** Authors as a JSON array of their stored forms ({@link PgText}): order, commas and control characters survive. */
  static String authorsJson(List<String> authors) {
    List<String> stored = new ArrayList<>(authors.size());
    for (String a : authors) {
      stored.add(PgText.store(a));
    }
    try {
      return JSON.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write authors as JSON: " + e.getMessage(), e);
    }
  }

  static List<String> authors(String json) {
    try {
      List<String> stored = STRING_LIST.readValue(json);
      List<String> out = new ArrayList<>(stored.size());
      for (String a : stored) {
        out.add(PgText.load(a));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new StoreException("stored authors are not a JSON array of strings: " + json, e);
    }
  }
}
