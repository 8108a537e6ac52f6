package io.paperboy.store;

import static io.paperboy.store.TestData.day;
import static io.paperboy.store.TestData.digest;
import static io.paperboy.store.TestData.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.query.MatchableText;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryMatcher;
import io.paperboy.store.query.QueryParser;
import io.paperboy.store.query.QuerySearch;
import io.paperboy.store.query.SearchInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link PaperStore#countPerPeriod}, what {@code /trend} draws: per week (Monday
 * first) or month, how many papers matching a query were first listed, zeros for empty periods,
 * each paper once — and the same numbers as counting the store's papers one by one.
 */
@DisplayName("PaperStore count contract: matches per week or month, exactly as search matches")
public abstract class CountContract extends StoresContract {

  /**
   * Days around week and month ends: 2024-05-26 is a Sunday, 05-27 a Monday, 05-31 a Friday,
   * 06-01 a Saturday; the week of 06-10 has no digest.
   */
  private PaperStore handmade() {
    PaperStore store = fresh().papers();
    store.save(digest("2024-05-26",
        entry(1, "k.diffusion").title("확산모델을 이용한 이미지 생성").summary("- 노이즈를 제거한다"),
        entry(2, "e.llm").title("LLMs at scale").summary("- scaling laws")));
    store.save(digest("2024-05-27",
        entry(1, "k.video").title("비디오 확산 모델").summary("- 시간 축으로 확산한다"),
        entry(2, "e.survey").title("A survey of diffusion").summary("- 확산 모델 정리")));
    store.save(digest("2024-05-31",
        entry(1, "e.diffusion").title("Diffusion transformers").summary("- DiT scales").authors("William Peebles")));
    store.save(digest("2024-06-01",
        entry(1, "k.audio").title("오디오 확산").summary("- 음성 합성")));
    // k.diffusion again: it counts once, on its first day (05-26), never in June
    store.save(digest("2024-06-03",
        entry(1, "k.diffusion").title("확산모델을 이용한 이미지 생성").summary("- 노이즈를 제거한다"),
        entry(2, "e.agent").title("Agents").summary("- tool use")));
    store.save(digest("2024-06-17",
        entry(1, "k.3d").title("3D 확산").summary("- 점군 생성").authors("Kim Minsu")));
    return store;
  }

  private static Query words(String text) {
    return SearchInput.plainWords(text).orElseThrow();
  }

  private static List<Integer> papers(List<PeriodCount> counts) {
    return counts.stream().map(PeriodCount::papers).toList();
  }

  private static List<LocalDate> starts(List<PeriodCount> counts) {
    return counts.stream().map(PeriodCount::start).toList();
  }

  @Test
  @DisplayName("weeks start on Monday; a Sunday belongs to the week before; a week without digests is zero")
  void weeks() {
    PaperStore store = handmade();

    List<PeriodCount> counts = store.countPerPeriod(words("확산"), day("2024-05-20"), day("2024-06-23"), CountPeriod.WEEK);

    assertThat(starts(counts)).containsExactly(day("2024-05-20"), day("2024-05-27"), day("2024-06-03"),
        day("2024-06-10"), day("2024-06-17"));
    assertThat(counts.get(0).end()).isEqualTo(day("2024-05-26"));
    // 05-26 (Sun): k.diffusion; 05-27..06-02: k.video, e.survey (확산 in its summary), k.audio;
    // 06-03: k.diffusion again, not counted twice; 06-10: nothing; 06-17: k.3d
    assertThat(papers(counts)).containsExactly(1, 3, 0, 0, 1);
  }

  @Test
  @DisplayName("months run from the 1st to the last day")
  void months() {
    PaperStore store = handmade();

    List<PeriodCount> counts = store.countPerPeriod(words("확산"), day("2024-05-01"), day("2024-06-30"), CountPeriod.MONTH);

    assertThat(counts).containsExactly(new PeriodCount(day("2024-05-01"), day("2024-05-31"), 3),
        new PeriodCount(day("2024-06-01"), day("2024-06-30"), 2));
  }

  @Test
  @DisplayName("only papers first listed inside the range count, also in a period the range cuts")
  void rangeCutsPeriods() {
    PaperStore store = handmade();

    // from Monday 05-27: k.diffusion (first listed 05-26) is outside, even though 06-03 lists it again
    List<PeriodCount> fromMonday = store.countPerPeriod(words("확산"), day("2024-05-27"), day("2024-06-09"),
        CountPeriod.WEEK);
    assertThat(papers(fromMonday)).containsExactly(3, 0);

    // a range starting mid-month still reports the whole month's label, counting only its days
    List<PeriodCount> lateMay = store.countPerPeriod(words("확산"), day("2024-05-27"), day("2024-05-31"),
        CountPeriod.MONTH);
    assertThat(lateMay).containsExactly(new PeriodCount(day("2024-05-01"), day("2024-05-31"), 2));
  }

  @Test
  @DisplayName("the query language counts as it searches: OR, phrases, fields, exclusions, regular expressions")
  void queryLanguage() {
    PaperStore store = handmade();
    LocalDate from = day("2024-05-20");
    LocalDate to = day("2024-06-23");

    assertThat(papers(store.countPerPeriod(QueryParser.parse("diffusion OR 확산"), from, to, CountPeriod.WEEK)))
        .containsExactly(1, 4, 0, 0, 1);
    assertThat(papers(store.countPerPeriod(QueryParser.parse("확산 -survey"), from, to, CountPeriod.WEEK)))
        .containsExactly(1, 2, 0, 0, 1);
    assertThat(papers(store.countPerPeriod(QueryParser.parse("title:확산"), from, to, CountPeriod.WEEK)))
        .containsExactly(1, 2, 0, 0, 1);
    assertThat(papers(store.countPerPeriod(QueryParser.parse("author:\"Kim Minsu\""), from, to, CountPeriod.WEEK)))
        .containsExactly(0, 0, 0, 0, 1);
    assertThat(papers(store.countPerPeriod(QueryParser.parse("/diffusion|DiT/"), from, to, CountPeriod.WEEK)))
        .containsExactly(0, 2, 0, 0, 0);
    assertThat(papers(store.countPerPeriod(QueryParser.parse("\"video generation\""), from, to, CountPeriod.WEEK)))
        .containsExactly(0, 0, 0, 0, 0);
  }

  @Test
  @DisplayName("a reversed range is empty; a range with no digests is all zeros")
  void edges() {
    PaperStore store = handmade();

    assertThat(store.countPerPeriod(words("확산"), day("2024-06-10"), day("2024-06-01"), CountPeriod.WEEK)).isEmpty();
    assertThat(papers(store.countPerPeriod(words("확산"), day("2023-01-01"), day("2023-03-31"), CountPeriod.MONTH)))
        .containsExactly(0, 0, 0);
    assertThat(papers(fresh().papers().countPerPeriod(words("확산"), day("2024-01-01"), day("2024-01-14"),
        CountPeriod.WEEK))).containsExactly(0, 0);
  }

  /** Queries of every kind: Korean and English terms, OR, phrases, fields, exclusions, regular expressions. */
  private static final List<String> QUERIES = List.of("모델", "확산모델", "diffusion", "LoRA OR 양자화", "\"대규모 언어\"",
      "title:비디오", "author:\"Yu Qiao\"", "모델 -diffusion", "diffusion -(LoRA OR 양자화)", "/gpt-?4v/", "/^- 확산/ 모델",
      "RLHF alignment", "(agents OR 에이전트) -survey");

  @Test
  @DisplayName("on 1,260 synthetic papers the counts equal counting every stored paper one by one")
  void equalsADirectCount() {
    PaperStore store = fresh().papers();
    // 84 days of 15 papers from Wednesday 2024-01-03; the range cuts weeks and months at both ends
    store.saveAll(SyntheticDigests.days(day("2024-01-03"), 84, 15, 7));
    LocalDate from = day("2024-01-10");
    LocalDate to = day("2024-03-20");
    Map<MatchableText, LocalDate> papers = everyPaper(store);

    for (String text : QUERIES) {
      Query query = QueryParser.parse(text);
      Map<LocalDate, Integer> direct = directPerDay(papers, query);
      for (CountPeriod by : CountPeriod.values()) {
        List<PeriodCount> counted = store.countPerPeriod(query, from, to, by);
        assertThat(counted).as("%s per %s", text, by).isEqualTo(periods(direct, from, to, by));
      }
      if (QuerySearch.exact(query)) {
        // what the index decides alone, search finds too: the same papers, by first date
        Map<LocalDate, Integer> searched = new HashMap<>();
        for (SearchHit hit : store.search(query, 10_000)) {
          searched.merge(hit.paper().dates().get(0), 1, Integer::sum);
        }
        assertThat(searched).as("search for %s", text).isEqualTo(direct);
      }
    }
    // and the corpus gives each kind of query something to count, but not everything
    for (String text : List.of("diffusion", "모델 -diffusion", "/gpt-?4v/", "LoRA OR 양자화", "title:비디오")) {
      List<Integer> weekly = papers(store.countPerPeriod(QueryParser.parse(text), from, to, CountPeriod.WEEK));
      assertThat(weekly).as(text).hasSize(11).anyMatch(n -> n > 0);
      assertThat(weekly.stream().mapToInt(Integer::intValue).sum()).as(text).isLessThan(1_000);
    }
  }

  @Test
  @DisplayName("days saved in any order count the same: a paper counts in its first week, even when that day came last")
  void saveOrder() {
    PaperStore store = fresh().papers();
    // newest first: 2406.9 is stored on 06-17, then found on 06-03 as well, then on 05-27
    store.save(digest("2024-06-17", entry(1, "2406.9").title("확산"), entry(2, "2406.8").title("확산 후기")));
    store.save(digest("2024-06-03", entry(1, "2406.9").title("확산"), entry(2, "2406.7").title("확산 모델")));
    store.save(digest("2024-05-27", entry(1, "2406.9").title("확산"), entry(2, "2406.6").title("Agents")));

    assertThat(papers(store.countPerPeriod(words("확산"), day("2024-05-27"), day("2024-06-23"), CountPeriod.WEEK)))
        .containsExactly(1, 1, 0, 1);
    assertThat(papers(store.countPerPeriod(QueryParser.parse("확산 -모델"), day("2024-06-03"), day("2024-06-23"),
        CountPeriod.WEEK))).as("2406.9 is first listed before the range").containsExactly(0, 0, 1);
    assertThat(papers(store.countPerPeriod(QueryParser.parse("/확산/"), day("2024-06-03"), day("2024-06-23"),
        CountPeriod.WEEK))).containsExactly(1, 0, 1);
  }

  @Test
  @DisplayName("papers saved in bulk are counted at once (no stale index)")
  void bulkSaveIsCounted() {
    PaperStore store = fresh().papers();
    store.saveAll(List.of(digest("2024-06-03", entry(1, "a.1").title("확산"), entry(2, "a.2").title("확산 모델")),
        digest("2024-06-10", entry(1, "a.3").title("확산"))));

    assertThat(papers(store.countPerPeriod(words("확산"), day("2024-06-03"), day("2024-06-16"), CountPeriod.WEEK)))
        .containsExactly(2, 1);
  }

  /** Every stored paper, read through the port one by one: its text, and the first day that listed it. */
  private static Map<MatchableText, LocalDate> everyPaper(PaperStore store) {
    Set<String> ids = new LinkedHashSet<>();
    store.export(Optional.empty(), e -> ids.add(e.arxivId()));
    Map<MatchableText, LocalDate> papers = new java.util.IdentityHashMap<>();
    for (String id : ids) {
      Paper p = store.paper(id).orElseThrow();
      papers.put(new MatchableText(p.title(), p.authors(), p.summary()), p.dates().get(0));
    }
    assertThat(papers).hasSize(ids.size());
    return papers;
  }

  /** By brute force: each paper matched in memory, counted on the first day that listed it. */
  private static Map<LocalDate, Integer> directPerDay(Map<MatchableText, LocalDate> papers, Query query) {
    Map<LocalDate, Integer> perDay = new HashMap<>();
    papers.forEach((text, first) -> {
      if (QueryMatcher.matches(query, text)) {
        perDay.merge(first, 1, Integer::sum);
      }
    });
    return perDay;
  }

  /** Per-day counts summed day by day into the periods (independent of the code under test). */
  private static List<PeriodCount> periods(Map<LocalDate, Integer> perDay, LocalDate from, LocalDate to, CountPeriod by) {
    List<PeriodCount> out = new ArrayList<>();
    for (LocalDate start = by.start(from); !start.isAfter(to); start = by.next(start)) {
      LocalDate end = by.next(start).minusDays(1);
      int n = 0;
      for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
        if (!d.isBefore(from) && !d.isAfter(to)) {
          n += perDay.getOrDefault(d, 0);
        }
      }
      out.add(new PeriodCount(start, end, n));
    }
    return out;
  }
}
