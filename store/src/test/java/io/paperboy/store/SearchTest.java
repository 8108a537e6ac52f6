package io.paperboy.store;

import static io.paperboy.store.TestData.digest;
import static io.paperboy.store.TestData.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.search.SearchIndex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SqlitePaperStore.search: Korean and English matching, safety, ranking, consistency")
class SearchTest extends RealStoreTest {

  @BeforeEach
  void saveFixtures() {
    store.save(digest("2024-06-07",
        entry(1, "k.diffusion").title("확산모델을 이용한 이미지 생성").summary("- 노이즈를 제거한다").authors("Kim Minsu"),
        entry(2, "k.particle").title("Video understanding").summary("- 이 모델을 대규모 데이터로 학습한다").authors("Lee Jiwoo"),
        entry(3, "e.llms").title("LLMs are few-shot learners").summary("- in-context learning at scale").authors("Tom Brown"),
        entry(4, "e.llmops").title("LLMOps in practice").summary("- deploying language models").authors("Ana Silva"),
        entry(5, "e.author").title("Neural machine translation").summary("- attention").authors("Kyunghyun Cho", "Yoshua Bengio"),
        entry(6, "e.cpp").title("Compilers").summary("- C++ templates, GPT-3.5 and why we don't care").authors("Bjarne S"),
        entry(7, "e.classes").title("Few classes").summary("- a class imbalance study").authors("Ada Lovelace")));
  }

  private List<String> ids(String query) {
    return store.search(query, 50).stream().map(h -> h.paper().arxivId()).collect(Collectors.toList());
  }

  @Test
  @DisplayName("모델 finds the particle form 모델을 and the compound 확산모델")
  void koreanInsideWords() {
    assertThat(ids("모델")).containsExactlyInAnyOrder("k.diffusion", "k.particle");
  }

  @Test
  @DisplayName("확산 and 확산모델 find 확산모델을; a particle in the query must be in the text")
  void koreanPrefixAndCompound() {
    assertThat(ids("확산")).containsExactly("k.diffusion");
    assertThat(ids("확산모델")).containsExactly("k.diffusion");
    assertThat(ids("모델을")).containsExactlyInAnyOrder("k.diffusion", "k.particle");
    assertThat(ids("확산모델로")).isEmpty();
    assertThat(ids("학습한다 대규모")).containsExactly("k.particle");
  }

  @Test
  @DisplayName("LLM finds LLMs but not LLMOps; LLMOps finds only itself; any case")
  void englishPlurals() {
    assertThat(ids("LLM")).containsExactly("e.llms");
    assertThat(ids("llms")).containsExactly("e.llms");
    assertThat(ids("lLm")).containsExactly("e.llms");
    assertThat(ids("LLMOps")).containsExactly("e.llmops");
    assertThat(ids("model")).containsExactly("e.llmops");
    assertThat(ids("class")).containsExactly("e.classes");
    assertThat(ids("classes")).containsExactly("e.classes");
    assertThat(ids("learn")).isEmpty(); // whole words only: "learners", "learning" are other words
  }

  @Test
  @DisplayName("searches title, authors and summary; every word must match")
  void fieldsAndAnd() {
    assertThat(ids("Cho")).containsExactly("e.author");
    assertThat(ids("kyunghyun cho attention")).containsExactly("e.author");
    assertThat(ids("Cho LLM")).isEmpty();
    assertThat(ids("모델 확산")).containsExactly("k.diffusion");
    assertThat(ids("in-context")).containsExactly("e.llms");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\"", "foo\"", "\"unbalanced", "AND", "OR", "NOT", "a AND", "OR b", "NOT c", "-", "-foo",
      ":", "a:b", "title:", "*", "moo*", "NEAR(", "NEAR(a b)", "C++", "3.5", "don't", "(", ")", "((a)",
      "'; DROP TABLE paper; --", "LLM-based", "^", "{title}", "+", "\\", "%", "_", "\u0000", "🙂", "ㅋㅋㅋ"})
  @DisplayName("hostile input is text, never FTS5 syntax: no error, and the tables survive")
  void hostileInputs(String query) {
    List<SearchHit> hits = store.search(query, 10);
    assertThat(hits).isNotNull();
    assertThat(store.paper("e.cpp")).isPresent();
    assertThat(store.digest(TestData.day("2024-06-07"))).hasSize(7);
  }

  @Test
  @DisplayName("punctuation in a term still finds the words around it")
  void punctuationTerms() {
    assertThat(ids("C++")).containsExactly("e.cpp");
    assertThat(ids("3.5")).containsExactly("e.cpp");
    assertThat(ids("don't")).containsExactly("e.cpp");
    assertThat(ids("NOT")).isEmpty();
  }

  @Test
  @DisplayName("empty or punctuation-only input returns nothing without touching the database")
  void emptyInput() {
    db.close(); // any SQL would now fail
    assertThat(store.search("", 10)).isEmpty();
    assertThat(store.search("   ", 10)).isEmpty();
    assertThat(store.search("\"*()'--", 10)).isEmpty();
    assertThat(store.search("모델", 0)).isEmpty();
  }

  @Test
  @DisplayName("a very long query is safe")
  void longQuery() {
    String query = "모델 " + "word ".repeat(2000);
    assertThat(store.search(query, 10)).isEmpty();
    assertThat(store.search("모델 ".repeat(500), 10)).hasSize(2);
  }

  @Test
  @DisplayName("ranking: a title match beats a summary match; equal text is ordered by votes, unknown last")
  void ranking() {
    store.save(digest("2024-06-08",
        entry(1, "r.summary").title("Something else entirely").summary("- about a quasar in passing").votes(500),
        entry(2, "r.title").title("Quasar").summary("- something else entirely about stars").votes(1),
        entry(3, "r.same.none").title("Pulsar timing").summary("- same text").votes(null),
        entry(4, "r.same.low").title("Pulsar timing").summary("- same text").votes(3),
        entry(5, "r.same.high").title("Pulsar timing").summary("- same text").votes(90)));

    List<SearchHit> quasar = store.search("quasar", 10);
    assertThat(quasar).extracting(h -> h.paper().arxivId()).containsExactly("r.title", "r.summary");
    assertThat(quasar.get(0).score()).isGreaterThan(quasar.get(1).score());

    List<SearchHit> pulsar = store.search("pulsar", 10);
    assertThat(pulsar).extracting(h -> h.paper().arxivId()).containsExactly("r.same.high", "r.same.low", "r.same.none");
    assertThat(pulsar.get(0).score()).isEqualTo(pulsar.get(2).score());
    assertThat(store.search("pulsar", 2)).hasSize(2);
  }

  @Test
  @DisplayName("hits carry the paper's latest view and its dates")
  void hitCarriesPaper() {
    store.save(digest("2024-06-09", entry(1, "e.author").title("Neural machine translation v2").votes(7)));
    SearchHit hit = store.search("translation", 5).get(0);
    assertThat(hit.paper().title()).isEqualTo("Neural machine translation v2");
    assertThat(hit.paper().votes()).contains(7);
    assertThat(hit.paper().dates()).containsExactly(TestData.day("2024-06-07"), TestData.day("2024-06-09"));
  }

  @Test
  @DisplayName("re-saving a day with changed text replaces the paper's index row: no stale words, index intact")
  void consistentAfterResave() {
    store.save(digest("2024-06-08", entry(1, "c.1").title("Zebra crossing").summary("- 얼룩말 횡단보도")));
    assertThat(ids("zebra")).containsExactly("c.1");

    store.save(digest("2024-06-08", entry(1, "c.1").title("Giraffe crossing").summary("- 기린 횡단보도")));

    assertThat(ids("zebra")).isEmpty();
    assertThat(ids("얼룩말")).isEmpty();
    assertThat(ids("giraffe")).containsExactly("c.1");
    assertThat(ids("기린")).containsExactly("c.1");
    assertThat(ids("crossing")).containsExactly("c.1");
    assertIndexConsistent();
  }

  @Test
  @DisplayName("papers from saveAll are found: the search catches the index up first")
  void saveAllThenSearch() {
    store.saveAll(List.of(
        digest("2024-06-10", entry(1, "b.1").title("Bulk loaded 벌크모델")),
        digest("2024-06-11", entry(1, "b.2").title("Another bulk paper"), entry(2, "b.1").title("Bulk loaded again"))));
    assertThat(db.<Boolean>read(c -> new SearchIndex().hasPending(c))).isTrue();

    assertThat(ids("bulk")).containsExactlyInAnyOrder("b.1", "b.2");
    assertThat(ids("벌크")).isEmpty(); // b.1's newest view no longer says it
    assertThat(db.<Boolean>read(c -> new SearchIndex().hasPending(c))).isFalse();
    assertIndexConsistent();
  }

  @Test
  @DisplayName("only the newest matches are ranked: with a window of 2, an older better match is left out")
  void rankWindowTradeOff() {
    store.save(digest("2024-06-08", entry(1, "w.old").title("Nebula").summary("- nebula nebula nebula")));
    store.save(digest("2024-06-09", entry(1, "w.mid").summary("- one nebula among other words here")));
    store.save(digest("2024-06-10", entry(1, "w.new").summary("- one nebula among many other words here")));
    SqlitePaperStore narrow = new SqlitePaperStore(db, new SearchIndex(2), Clock.systemUTC());

    assertThat(store.search("nebula", 10).get(0).paper().arxivId()).isEqualTo("w.old");
    assertThat(narrow.search("nebula", 2)).extracting(h -> h.paper().arxivId()).containsExactlyInAnyOrder("w.mid", "w.new");
    // a limit above the window widens it
    assertThat(narrow.search("nebula", 3).get(0).paper().arxivId()).isEqualTo("w.old");
  }

  @Test
  @DisplayName("more matches than the window: the newest are ranked by title match, then votes, then recency")
  void commonTermRanking() {
    store.save(digest("2024-06-08", entry(1, "c.old").title("Comet").summary("- comet")));
    store.save(digest("2024-06-09", entry(1, "c.summary").summary("- a comet passes")));
    store.save(digest("2024-06-10", entry(1, "c.title").title("Comet Trails").summary("- trails")));
    store.save(digest("2024-06-11", entry(1, "c.newest").summary("- another comet")));
    SqlitePaperStore narrow = new SqlitePaperStore(db, new SearchIndex(3), Clock.systemUTC());

    // GIVEN four matches and a window of three: the oldest is out, the title match leads
    assertThat(narrow.search("comet", 3)).extracting(h -> h.paper().arxivId())
        .containsExactly("c.title", "c.newest", "c.summary");
    // AND a field-limited expression still works on this path
    assertThat(narrow.match("summary : \"comet\"", 3)).extracting(h -> h.paper().arxivId())
        .containsExactlyInAnyOrder("c.newest", "c.summary", "c.old");
  }

  @Test
  @DisplayName("match() takes FTS5 expressions of token phrases: column filters, NOT, OR")
  void lowerLevelMatch() {
    assertThat(store.match("title : \"모델\"", 10)).extracting(h -> h.paper().arxivId()).containsExactly("k.diffusion");
    assertThat(store.match("\"모델\" NOT \"확산\"", 10)).extracting(h -> h.paper().arxivId()).containsExactly("k.particle");
    assertThat(store.match("\"cho\" OR \"llm\"", 10)).extracting(h -> h.paper().arxivId())
        .containsExactlyInAnyOrder("e.author", "e.llms");
    assertThat(store.match("authors : \"cho\"", 10)).hasSize(1);
    assertThat(store.match("summary : \"cho\"", 10)).isEmpty();
    assertThatThrownBy(() -> store.match("\"unbalanced", 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid search expression");
  }

  private void assertIndexConsistent() {
    db.write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO paper_fts (paper_fts) VALUES ('integrity-check')");
      }
      return null;
    });
    assertThat(db.<Integer>read(c -> DatabaseTest.count(c, "SELECT count(*) FROM paper_fts")))
        .isEqualTo(db.<Integer>read(c -> DatabaseTest.count(c, "SELECT count(*) FROM paper")));
    // no token of a replaced text is left in the index
    assertThat(db.<Integer>write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, paper_fts, row)");
      }
      return termDocs(c, "zebra") + termDocs(c, "얼룩") + termDocs(c, "벌크");
    })).isZero();
  }

  private static int termDocs(java.sql.Connection c, String term) throws SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(doc), 0) FROM temp.fts_terms WHERE term = ?")) {
      ps.setString(1, term);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
