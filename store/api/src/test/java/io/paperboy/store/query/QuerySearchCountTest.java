package io.paperboy.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.MatchCount;
import io.paperboy.store.Paper;
import io.paperboy.store.SearchHit;
import io.paperboy.store.SearchPage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How {@link QuerySearch} counts what it filters itself (exclusions, regular expressions): exact
 * when its candidates held every match, a lower bound when they did not.
 */
class QuerySearchCountTest {

  /** An index over papers in memory: matches by the query matcher, newest first, counted exactly. */
  record ListIndex(List<Paper> newestFirst) implements QuerySearch.Index {
    @Override
    public SearchPage match(Query indexable, int limit) {
      List<SearchHit> all = newestFirst.stream()
          .filter(p -> QueryMatcher.matches(indexable, new MatchableText(p.title(), p.authors(), p.summary())))
          .map(p -> new SearchHit(p, 1)).toList();
      return new SearchPage(all.subList(0, Math.min(limit, all.size())), MatchCount.exactly(all.size()));
    }

    @Override
    public List<Paper> recentPapers(int limit) {
      return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }
  }

  private static ListIndex papers(int n) {
    List<Paper> list = new ArrayList<>();
    for (int i = n; i >= 1; i--) {
      list.add(new Paper("p." + i, "Comet " + (i % 2 == 0 ? "even" : "odd"), "https://arxiv.org/abs/p." + i,
          Optional.empty(), List.of("Ada"), Optional.empty(), "- about comets", List.of(LocalDate.of(2024, 6, 7))));
    }
    return new ListIndex(list);
  }

  @Test
  @DisplayName("an exclusion over fewer candidates than fetched: every match checked, the count exact")
  void exactWhenEveryMatchWasACandidate() {
    SearchPage page = QuerySearch.search(QueryParser.parse("comet -odd"), 3, papers(40));
    assertThat(page.hits()).hasSize(3);
    assertThat(page.matches()).isEqualTo(MatchCount.exactly(20));
  }

  @Test
  @DisplayName("an exclusion whose matches outnumber the candidates: the count is a lower bound")
  void lowerBoundWhenCandidatesRanOut() {
    int n = QuerySearch.CANDIDATES + 100;
    SearchPage page = QuerySearch.search(QueryParser.parse("comet -odd"), 3, papers(n));
    assertThat(page.hits()).hasSize(3);
    assertThat(page.matches()).isEqualTo(MatchCount.atLeast(QuerySearch.CANDIDATES / 2));
    assertThat(page.more()).isTrue();
  }

  @Test
  @DisplayName("a regular expression scans the newest papers: exact when they are all the papers, else a lower bound")
  void regexScan() {
    assertThat(QuerySearch.search(QueryParser.parse("/even/"), 2, papers(10)).matches()).isEqualTo(MatchCount.exactly(5));
    assertThat(QuerySearch.search(QueryParser.parse("/even/"), 2, papers(QuerySearch.SCAN + 10)).matches())
        .isEqualTo(MatchCount.atLeast(QuerySearch.SCAN / 2));
  }

  @Test
  @DisplayName("a limit below 1 asks nothing and knows nothing")
  void noLimit() {
    assertThat(QuerySearch.search(QueryParser.parse("comet -odd"), 0, papers(3))).isEqualTo(SearchPage.none());
  }
}
