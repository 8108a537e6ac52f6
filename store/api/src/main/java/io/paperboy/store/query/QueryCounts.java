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
 * per-day counts travel (a few hundred rows for a year, however many papers match). So do
 * top-level exclusions of such parts ({@code 모델 -survey}) when the backend's index can exclude
 * ({@link Index#countFirstListedExcluding}). Other exclusions and regular expressions are checked
 * by {@link QueryMatcher} on the papers the index part matches, streamed one by one; a query of
 * only regular expressions streams every paper first listed in the range. Unlike a search,
 * nothing is capped: a count is exact or it is wrong.
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

    /**
     * Like {@link #countFirstListed}, for the papers {@code indexable} matches and none of
     * {@code excluded} does (each of the same shape as {@code indexable}); empty when the index
     * cannot exclude, and the papers are then streamed through {@link #firstListed} instead.
     */
    default Optional<Map<LocalDate, Integer>> countFirstListedExcluding(Query indexable, List<Query> excluded,
        LocalDate from, LocalDate to) {
      return Optional.empty();
    }
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
    Optional<Map<LocalDate, Integer>> excluding = Optional.empty();
    if (narrowing.isPresent() && !QuerySearch.exact(query) && query instanceof Query.And and) {
      excluding = exclusions(and).flatMap(ex -> index.countFirstListedExcluding(ex.get(0), ex.subList(1, ex.size()),
          from, to));
    }
    Map<LocalDate, Integer> perDay;
    if (narrowing.isPresent() && QuerySearch.exact(query)) {
      perDay = index.countFirstListed(narrowing.get(), from, to);
    } else if (excluding.isPresent()) {
      perDay = excluding.get();
    } else {
      Map<LocalDate, Integer> counted = new HashMap<>();
      Query check = residual(query, narrowing);
      index.firstListed(narrowing, from, to, paper -> {
        if (QueryMatcher.matches(check, new MatchableText(paper.title(), paper.authors(), paper.summary()))) {
          counted.merge(paper.firstListed(), 1, Integer::sum);
        }
      });
      perDay = counted;
    }
    return periods(perDay, from, to, by);
  }

  /**
   * What is left to check on a paper the index matched for {@code narrowing}: of a top-level AND,
   * only its parts the index could not decide (the exact ones are in the narrowing, so every
   * streamed paper matches them already); any other query, whole.
   */
  static Query residual(Query query, Optional<Query> narrowing) {
    if (narrowing.isEmpty() || !(query instanceof Query.And and)) {
      return query;
    }
    List<Query> undecided = and.parts().stream().filter(p -> !QuerySearch.exact(p)).toList();
    return undecided.size() == 1 ? undecided.get(0) : new Query.And(undecided);
  }

  /**
   * An AND of exact parts and exclusions of exact parts, with at least one part that is not an
   * exclusion, as its positive part (first) and what it excludes (after it); empty for any other
   * shape (an exclusion inside an OR, a regular expression anywhere).
   */
  static Optional<List<Query>> exclusions(Query.And and) {
    List<Query> positive = new ArrayList<>();
    List<Query> excluded = new ArrayList<>();
    for (Query part : and.parts()) {
      if (part instanceof Query.Not not) {
        if (!QuerySearch.exact(not.part())) {
          return Optional.empty();
        }
        excluded.add(not.part());
      } else if (QuerySearch.exact(part)) {
        positive.add(part);
      } else {
        return Optional.empty();
      }
    }
    if (positive.isEmpty() || excluded.isEmpty()) {
      return Optional.empty();
    }
    List<Query> out = new ArrayList<>();
    out.add(positive.size() == 1 ? positive.get(0) : new Query.And(positive));
    out.addAll(excluded);
    return Optional.of(out);
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
