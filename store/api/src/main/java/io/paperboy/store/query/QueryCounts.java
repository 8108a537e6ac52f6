package io.paperboy.store.query;

import io.paperboy.store.CountPeriod;
import io.paperboy.store.PeriodCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@link io.paperboy.store.PaperStore#countPerPeriod} for any backend, on the same split as
 * {@link QuerySearch}: when the full-text index decides the query alone (terms, phrases, fields,
 * AND, OR), the backend counts matches per day of first listing in the database and only the
 * per-day counts travel (a few hundred rows for a year, however many papers match). Exclusions
 * and regular expressions are checked by {@link QueryMatcher} on the papers the index part
 * matches, streamed one by one; a query of only regular expressions streams every paper first
 * listed in the range. Unlike a search, nothing is capped: a count is exact or it is wrong.
 */
public final class QueryCounts {

  /** What a backend's full-text index does for a count. */
  public interface Index {

    /**
     * For each day of {@code from..to} on which papers matching {@code indexable} were first
     * listed, how many; days without any may be left out. {@code indexable} is a tree of only
     * {@link Query.Term}, {@link Query.And} and {@link Query.Or} ({@link QuerySearch#indexable}).
     */
    Map<LocalDate, Integer> countFirstListed(Query indexable, LocalDate from, LocalDate to);

    /**
     * Hands {@code sink} every paper first listed within {@code from..to} that {@code indexable}
     * matches, or every paper first listed then when it is empty, in any order, without holding
     * them all in memory.
     */
    void firstListed(Optional<Query> indexable, LocalDate from, LocalDate to, Consumer<Listed> sink);
  }

  /**
   * One paper's first listing and its current text (what the index holds).
   *
   * @param firstListed the date of the first digest that listed it
   * @param title       current title
   * @param authors     current authors, in order
   * @param summary     current summary
   */
  public record Listed(LocalDate firstListed, String title, List<String> authors, String summary) {
    public Listed {
      Objects.requireNonNull(firstListed, "firstListed");
      Objects.requireNonNull(title, "title");
      authors = List.copyOf(authors);
      Objects.requireNonNull(summary, "summary");
    }
  }

  private QueryCounts() {}

  /** The counts {@link io.paperboy.store.PaperStore#countPerPeriod} answers, through {@code index}. */
  public static List<PeriodCount> perPeriod(Query query, LocalDate from, LocalDate to, CountPeriod by, Index index) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(by, "by");
    if (from.isAfter(to)) {
      return List.of();
    }
    Optional<Query> narrowing = QuerySearch.indexable(query);
    Map<LocalDate, Integer> perDay;
    if (narrowing.isPresent() && QuerySearch.exact(query)) {
      perDay = index.countFirstListed(narrowing.get(), from, to);
    } else {
      Map<LocalDate, Integer> counted = new HashMap<>();
      index.firstListed(narrowing, from, to, paper -> {
        if (QueryMatcher.matches(query, new MatchableText(paper.title(), paper.authors(), paper.summary()))) {
          counted.merge(paper.firstListed(), 1, Integer::sum);
        }
      });
      perDay = counted;
    }
    return periods(perDay, from, to, by);
  }

  /**
   * Adds per-day counts up into every period that overlaps {@code from..to}, zeros included; days
   * outside the range are ignored (a backend may answer a little more than asked).
   */
  public static List<PeriodCount> periods(Map<LocalDate, Integer> perDay, LocalDate from, LocalDate to, CountPeriod by) {
    NavigableMap<LocalDate, Integer> days = new TreeMap<>(perDay);
    List<PeriodCount> out = new ArrayList<>();
    for (LocalDate start = by.start(from); !start.isAfter(to); start = by.next(start)) {
      LocalDate end = by.next(start).minusDays(1);
      int papers = 0;
      LocalDate first = start.isBefore(from) ? from : start;
      LocalDate last = end.isAfter(to) ? to : end;
      for (int n : days.subMap(first, true, last, true).values()) {
        papers += n;
      }
      out.add(new PeriodCount(start, end, papers));
    }
    return out;
  }
}
