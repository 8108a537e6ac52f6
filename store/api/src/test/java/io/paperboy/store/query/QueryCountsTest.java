package io.paperboy.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.CountPeriod;
import io.paperboy.store.PeriodCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which part of a backend's index {@link QueryCounts} asks for each shape of query. */
@DisplayName("QueryCounts: the index counts what it can decide; the matcher checks the rest")
class QueryCountsTest {

  private static final LocalDate MON = LocalDate.of(2024, 6, 3);
  private static final LocalDate SUN = LocalDate.of(2024, 6, 16);

  /** An index over three papers that records what it was asked. */
  private static final class RecordingIndex implements QueryCounts.Index {
    final List<String> asked = new ArrayList<>();
    final boolean canExclude;

    RecordingIndex(boolean canExclude) {
      this.canExclude = canExclude;
    }

    @Override
    public Map<LocalDate, Integer> countFirstListed(Query indexable, LocalDate from, LocalDate to) {
      asked.add("count " + indexable);
      return Map.of(MON, 2, MON.plusDays(8), 1, SUN.plusDays(1), 7);
    }

    @Override
    public void firstListed(Optional<Query> indexable, LocalDate from, LocalDate to, Consumer<QueryCounts.Listed> sink) {
      asked.add("stream " + indexable.map(Object::toString).orElse("all"));
      // as an index would: only the papers the narrowing matches
      for (QueryCounts.Listed p : List.of(
          new QueryCounts.Listed(MON, "확산 모델", List.of("Ana"), "- survey of diffusion"),
          new QueryCounts.Listed(MON.plusDays(1), "확산 모델", List.of("Ana"), "- new method"),
          new QueryCounts.Listed(MON.plusDays(9), "GPT-4o agents", List.of("Bo"), "- tool use"))) {
        if (indexable.isEmpty() || QueryMatcher.matches(indexable.get(), new MatchableText(p.title(), p.authors(), p.summary()))) {
          sink.accept(p);
        }
      }
    }

    @Override
    public Optional<Map<LocalDate, Integer>> countFirstListedExcluding(Query indexable, List<Query> excluded,
        LocalDate from, LocalDate to) {
      asked.add("exclude " + indexable + " minus " + excluded);
      return canExclude ? Optional.of(Map.of(MON, 1)) : Optional.empty();
    }
  }

  private static List<Integer> papers(List<PeriodCount> counts) {
    return counts.stream().map(PeriodCount::papers).toList();
  }

  @Test
  @DisplayName("an exact query is counted by the index; days outside the range are ignored, empty weeks are zeros")
  void exact() {
    RecordingIndex index = new RecordingIndex(true);
    List<PeriodCount> counts = QueryCounts.perPeriod(QueryParser.parse("확산 OR diffusion"), MON, SUN, CountPeriod.WEEK,
        index);
    assertThat(index.asked).singleElement().asString().startsWith("count ");
    assertThat(papers(counts)).containsExactly(2, 1);
    assertThat(papers(QueryCounts.periods(Map.of(MON, 3), MON.minusWeeks(2), SUN, CountPeriod.WEEK)))
        .containsExactly(0, 0, 3, 0);
  }

  @Test
  @DisplayName("top-level exclusions go to an index that can exclude, as (positive, excluded)")
  void exclusions() {
    RecordingIndex index = new RecordingIndex(true);
    List<PeriodCount> counts = QueryCounts.perPeriod(QueryParser.parse("확산 모델 -survey -(LoRA OR 양자화)"), MON, SUN,
        CountPeriod.WEEK, index);
    assertThat(index.asked).singleElement().asString().startsWith("exclude And[").contains(" minus [Term[text=survey");
    assertThat(papers(counts)).containsExactly(1, 0);
  }

  @Test
  @DisplayName("an index that cannot exclude streams the positive part's papers through the matcher")
  void fallBackToTheMatcher() {
    RecordingIndex index = new RecordingIndex(false);
    List<PeriodCount> counts = QueryCounts.perPeriod(QueryParser.parse("확산 -survey"), MON, SUN, CountPeriod.WEEK, index);
    assertThat(index.asked).hasSize(2).last().asString().startsWith("stream Term[text=확산");
    assertThat(papers(counts)).containsExactly(1, 0);
  }

  @Test
  @DisplayName("an exclusion inside an OR, and regular expressions, are streamed; a regex alone streams every paper")
  void streamed() {
    RecordingIndex or = new RecordingIndex(true);
    QueryCounts.perPeriod(QueryParser.parse("agents OR (확산 -survey)"), MON, SUN, CountPeriod.WEEK, or);
    assertThat(or.asked).singleElement().asString().startsWith("stream ");

    RecordingIndex regex = new RecordingIndex(true);
    List<PeriodCount> counts = QueryCounts.perPeriod(QueryParser.parse("/gpt-?4o/"), MON, SUN, CountPeriod.WEEK, regex);
    assertThat(regex.asked).containsExactly("stream all");
    assertThat(papers(counts)).containsExactly(0, 1);
  }

  @Test
  @DisplayName("a reversed range asks nothing")
  void reversed() {
    RecordingIndex index = new RecordingIndex(true);
    assertThat(QueryCounts.perPeriod(QueryParser.parse("확산"), SUN, MON, CountPeriod.MONTH, index)).isEmpty();
    assertThat(index.asked).isEmpty();
  }
}
