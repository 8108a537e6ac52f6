package io.paperboy.store.sqlite.papers;

import io.paperboy.store.ArxivId;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperText;
import io.paperboy.store.sqlite.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The read side of {@link SqlitePaperStore}: papers, days, top, recent papers, export. */
final class PaperReads {

  private static final String TOP = """
      SELECT %s FROM (
        SELECT e.*, row_number() OVER (
                 PARTITION BY arxiv_id ORDER BY votes DESC NULLS LAST, rank, date DESC) AS nth
          FROM digest_entry e WHERE date BETWEEN ? AND ?)
       WHERE nth = 1
       ORDER BY votes DESC NULLS LAST, rank, date DESC, arxiv_id
       LIMIT ?
      """.formatted(Rows.ENTRY_COLUMNS);

  /** Papers some stored day lists, as {@link io.paperboy.store.PaperStore#paperTexts} streams them. */
  private static final String PAPER_TEXTS = """
      SELECT p.arxiv_id, p.title, p.summary, p.votes FROM paper p
       WHERE EXISTS (SELECT 1 FROM digest_entry e WHERE e.arxiv_id = p.arxiv_id)
       ORDER BY p.id
      """;
  private static final String PAPER_BY_ARXIV_ID = Rows.PAPER_SELECT + " WHERE arxiv_id = ?";
  private static final String BY_DATE = "SELECT " + Rows.ENTRY_COLUMNS + " FROM digest_entry WHERE date = ? ORDER BY rank";
  /** Largest batch of ids in one {@code IN (...)}: SQLite caps the number of parameters of one statement. */
  private static final int ID_BATCH = 500;

  private final Database db;

  PaperReads(Database db) {
    this.db = db;
  }

  Optional<Paper> paper(String arxivIdOrUrl) {
    String id = ArxivId.parse(arxivIdOrUrl).orElse(arxivIdOrUrl.trim());
    // the hot lookup: one statement (no transaction needed), prepared once per connection
    return db.readStatement(c -> {
      PreparedStatement ps = db.cached(c, PAPER_BY_ARXIV_ID);
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Rows.paper(rs)) : Optional.empty();
      }
    });
  }

  List<DigestEntry> digest(LocalDate date) {
    return db.read(c -> entries(c, BY_DATE, date.toString()));
  }

  List<LocalDate> digestDates() {
    return db.read(c -> {
      List<LocalDate> dates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT date FROM digest ORDER BY date");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          dates.add(LocalDate.parse(rs.getString(1)));
        }
      }
      return dates;
    });
  }

  Optional<LocalDate> latestDigestDate() {
    return db.read(c -> oneDate(c, "SELECT max(date) FROM digest", null));
  }

  Optional<LocalDate> nearestDigestDate(LocalDate date) {
    String day = date.toString();
    return db.read(c -> {
      Optional<LocalDate> before = oneDate(c, "SELECT max(date) FROM digest WHERE date <= ?", day);
      Optional<LocalDate> after = oneDate(c, "SELECT min(date) FROM digest WHERE date > ?", day);
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
    return db.read(c -> entries(c, TOP, from.toString(), to.toString(), limit));
  }

  List<Paper> recentPapers(int limit) {
    return db.read(c -> {
      List<Paper> papers = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(Rows.PAPER_SELECT + " ORDER BY p.id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            papers.add(Rows.paper(rs));
          }
        }
      }
      return papers;
    });
  }

  void paperTexts(Consumer<PaperText> sink) {
    db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(PAPER_TEXTS)) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(new PaperText(rs.getString(1), rs.getString(2), rs.getString(3), Rows.optionalInt(rs, 4)));
          }
        }
      }
      return null;
    });
  }

  void export(Optional<LocalDate> date, Consumer<DigestEntry> sink) {
    String sql = "SELECT " + Rows.ENTRY_COLUMNS + " FROM digest_entry"
        + (date.isPresent() ? " WHERE date = ?" : "") + " ORDER BY date, rank";
    db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (date.isPresent()) {
          ps.setString(1, date.get().toString());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(Rows.entry(rs));
          }
        }
      }
      return null;
    });
  }

  /** The papers with these row ids ({@code paper.id}), on the caller's connection. */
  static Map<Long, Paper> byRowId(Connection c, Collection<Long> rowIds) throws SQLException {
    List<Long> ids = List.copyOf(rowIds);
    Map<Long, Paper> papers = new HashMap<>();
    for (int from = 0; from < ids.size(); from += ID_BATCH) {
      List<Long> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
      String sql = Rows.PAPER_SELECT.replace("SELECT p.arxiv_id", "SELECT p.id, p.arxiv_id")
          + " WHERE p.id IN (" + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < batch.size(); i++) {
          ps.setLong(i + 1, batch.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            papers.put(rs.getLong(1), Rows.paper(rs, 1));
          }
        }
      }
    }
    return papers;
  }

  private static List<DigestEntry> entries(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<DigestEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Rows.entry(rs));
        }
      }
      return out;
    }
  }

  private static Optional<LocalDate> oneDate(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        String value = rs.next() ? rs.getString(1) : null;
        return Optional.ofNullable(value).map(LocalDate::parse);
      }
    }
  }
}
