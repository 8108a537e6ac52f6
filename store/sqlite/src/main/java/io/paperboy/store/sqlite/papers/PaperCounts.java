package io.paperboy.store.sqlite.papers;

import io.paperboy.store.CountPeriod;
import io.paperboy.store.PeriodCount;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryCounts;
import io.paperboy.store.sqlite.db.Database;
import io.paperboy.store.sqlite.search.FtsTranslation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The counting side of {@link SqlitePaperStore}: the FTS5 index as {@link QueryCounts}'s index.
 * An exact query is one {@code GROUP BY first_seen} over the index's matches joined to their
 * paper rows, so only one row per day leaves SQLite; top-level exclusions become FTS5's
 * {@code NOT}. Papers get their ids as they are first stored, so those first listed in a range
 * hold a narrow band of ids: FTS5 is given that band as a rowid range and walks only that part of
 * its doclists (a common word over the last year of 100k papers: ~15k matches walked, not ~100k),
 * while the {@code first_seen} condition keeps the count exact whatever order papers came in. Papers are dated by {@code paper.first_seen}
 * (the first digest that listed them); a range without a query uses the index on it.
 */
final class PaperCounts implements QueryCounts.Index {

  /** The ids of the papers first listed in a range: a window FTS5 can bound its doclists by. */
  private static final String IDS = "SELECT min(id), max(id) FROM paper WHERE first_seen BETWEEN ? AND ?";
  private static final String COUNT = """
      SELECT p.first_seen, count(*)
        FROM paper_fts JOIN paper p ON p.id = paper_fts.rowid
       WHERE paper_fts MATCH ? AND paper_fts.rowid BETWEEN ? AND ? AND p.first_seen BETWEEN ? AND ?
       GROUP BY p.first_seen
      """;
  private static final String MATCHED = """
      SELECT p.first_seen, p.title, p.authors, p.summary
        FROM paper_fts JOIN paper p ON p.id = paper_fts.rowid
       WHERE paper_fts MATCH ? AND paper_fts.rowid BETWEEN ? AND ? AND p.first_seen BETWEEN ? AND ?
      """;
  private static final String ALL = "SELECT first_seen, title, authors, summary FROM paper WHERE first_seen BETWEEN ? AND ?";

  private final Database db;
  private final PaperWrites writes;

  PaperCounts(Database db, PaperWrites writes) {
    this.db = db;
    this.writes = writes;
  }

  List<PeriodCount> countPerPeriod(Query query, LocalDate from, LocalDate to, CountPeriod by) {
    return QueryCounts.perPeriod(query, from, to, by, this);
  }

  @Override
  public Map<LocalDate, Integer> countFirstListed(Query indexable, LocalDate from, LocalDate to) {
    return count(FtsTranslation.expression(indexable), from, to);
  }

  /** FTS5's binary {@code NOT}: {@code (a) NOT (b) NOT (c)} matches a and neither b nor c. */
  @Override
  public Optional<Map<LocalDate, Integer>> countFirstListedExcluding(Query indexable, List<Query> excluded,
      LocalDate from, LocalDate to) {
    StringBuilder expression = new StringBuilder("(").append(FtsTranslation.expression(indexable)).append(')');
    for (Query x : excluded) {
      expression.append(" NOT (").append(FtsTranslation.expression(x)).append(')');
    }
    return Optional.of(count(expression.toString(), from, to));
  }

  private Map<LocalDate, Integer> count(String expression, LocalDate from, LocalDate to) {
    catchUp();
    return db.read(c -> {
      Map<LocalDate, Integer> perDay = new HashMap<>();
      Optional<long[]> ids = ids(c, from, to);
      if (ids.isEmpty()) {
        return perDay;
      }
      try (PreparedStatement ps = c.prepareStatement(COUNT)) {
        ps.setString(1, expression);
        ps.setLong(2, ids.get()[0]);
        ps.setLong(3, ids.get()[1]);
        ps.setString(4, from.toString());
        ps.setString(5, to.toString());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            perDay.put(LocalDate.parse(rs.getString(1)), rs.getInt(2));
          }
        }
      }
      return perDay;
    });
  }

  @Override
  public void firstListed(Optional<Query> indexable, LocalDate from, LocalDate to, Consumer<QueryCounts.Listed> sink) {
    Optional<String> expression = indexable.map(FtsTranslation::expression);
    if (expression.isPresent()) {
      catchUp();
    }
    db.read(c -> {
      Optional<long[]> ids = ids(c, from, to);
      if (ids.isEmpty()) {
        return null;
      }
      try (PreparedStatement ps = c.prepareStatement(expression.isPresent() ? MATCHED : ALL)) {
        int i = 1;
        if (expression.isPresent()) {
          ps.setString(i++, expression.get());
          ps.setLong(i++, ids.get()[0]);
          ps.setLong(i++, ids.get()[1]);
        }
        ps.setString(i++, from.toString());
        ps.setString(i, to.toString());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(new QueryCounts.Listed(LocalDate.parse(rs.getString(1)), rs.getString(2),
                Rows.authors(rs.getString(3)), rs.getString(4)));
          }
        }
      }
      return null;
    });
  }

  /** The smallest and largest id of the papers first listed in {@code from..to}; empty when there are none. */
  private static Optional<long[]> ids(Connection c, LocalDate from, LocalDate to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(IDS)) {
      ps.setString(1, from.toString());
      ps.setString(2, to.toString());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long min = rs.getLong(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(new long[] {min, rs.getLong(2)});
      }
    }
  }

  /** A count never answers from a stale index: saveAll may have left papers to index. */
  private void catchUp() {
    if (writes.searchIndexBehind()) {
      writes.refreshSearchIndex();
    }
  }
}
