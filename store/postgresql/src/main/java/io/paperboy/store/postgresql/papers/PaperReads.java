package io.paperboy.store.postgresql.papers;

import io.paperboy.store.ArxivId;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Paper;
import io.paperboy.store.postgresql.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The read side of {@link PgPaperStore}: papers, days, top, recent papers, export. */
final class PaperReads {

  private static final String TOP = """
      SELECT %s FROM (
        SELECT e.*, row_number() OVER (
                 PARTITION BY arxiv_id ORDER BY votes DESC NULLS LAST, rank, date DESC) AS nth
          FROM digest_entry e WHERE date BETWEEN ? AND ?) ranked
       WHERE nth = 1
       ORDER BY votes DESC NULLS LAST, rank, date DESC, arxiv_id
       LIMIT ?
      """.formatted(PaperRows.ENTRY_COLUMNS);
  private static final String PAPER_BY_ARXIV_ID = PaperRows.PAPER_SELECT + " WHERE p.arxiv_id = ?";
  private static final String BY_DATE = "SELECT " + PaperRows.ENTRY_COLUMNS + " FROM digest_entry WHERE date = ? ORDER BY rank";
  /** Rows fetched per round trip when streaming (export): without it pgJDBC reads a whole result into memory. */
  static final int FETCH = 500;

  private final Database db;

  PaperReads(Database db) {
    this.db = db;
  }

  Optional<Paper> paper(String arxivIdOrUrl) {
    String id = ArxivId.parse(arxivIdOrUrl).orElse(arxivIdOrUrl.trim());
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement(PAPER_BY_ARXIV_ID)) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(PaperRows.paper(rs)) : Optional.empty();
        }
      }
    });
  }

  List<DigestEntry> digest(LocalDate date) {
    return db.readStatement(c -> entries(c, BY_DATE, date));
  }

  List<LocalDate> digestDates() {
    return db.readStatement(c -> {
      List<LocalDate> dates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT date FROM digest ORDER BY date");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          dates.add(rs.getObject(1, LocalDate.class));
        }
      }
      return dates;
    });
  }

  Optional<LocalDate> latestDigestDate() {
    return db.readStatement(c -> oneDate(c, "SELECT max(date) FROM digest", null));
  }

  Optional<LocalDate> nearestDigestDate(LocalDate date) {
    return db.read(c -> {
      Optional<LocalDate> before = oneDate(c, "SELECT max(date) FROM digest WHERE date <= ?", date);
      Optional<LocalDate> after = oneDate(c, "SELECT min(date) FROM digest WHERE date > ?", date);
      if (before.isEmpty() || after.isEmpty()) {
        return before.isPresent() ? before : after;
      }
      long back = ChronoUnit.DAYS.between(before.get(), date);
      long ahead = ChronoUnit.DAYS.between(date, after.get());
      return ahead < back ? after : before;
    });
  }

  List<DigestEntry> top(LocalDate from, LocalDate to, int limit) {
    if (limit < 1 || from.isAfter(to)) {
      return List.of();
    }
    return db.readStatement(c -> entries(c, TOP, from, to, limit));
  }

  List<Paper> recentPapers(int limit) {
    return db.readStatement(c -> {
      List<Paper> papers = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(PaperRows.PAPER_SELECT + " ORDER BY p.id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            papers.add(PaperRows.paper(rs));
          }
        }
      }
      return papers;
    });
  }

  void export(Optional<LocalDate> date, Consumer<DigestEntry> sink) {
    String sql = "SELECT " + PaperRows.ENTRY_COLUMNS + " FROM digest_entry"
        + (date.isPresent() ? " WHERE date = ?" : "") + " ORDER BY date, rank";
    db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        if (date.isPresent()) {
          ps.setObject(1, date.get());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(PaperRows.entry(rs));
          }
        }
      }
      return null;
    });
  }

  private static List<DigestEntry> entries(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<DigestEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(PaperRows.entry(rs));
        }
      }
      return out;
    }
  }

  private static Optional<LocalDate> oneDate(Connection c, String sql, LocalDate arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setObject(1, arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getObject(1, LocalDate.class)) : Optional.empty();
      }
    }
  }
}
