package io.paperboy.store.sqlite.papers;

import static io.paperboy.store.TestData.digest;
import static io.paperboy.store.TestData.day;
import static io.paperboy.store.TestData.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.Digest;
import io.paperboy.store.IngestResult;
import io.paperboy.store.MatchCount;
import io.paperboy.store.TestData;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.SearchInput;
import io.paperboy.store.sqlite.db.Database;
import io.paperboy.store.sqlite.db.Sql;
import io.paperboy.store.sqlite.search.SearchIndex;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the SQLite paper store has: the FTS5 index kept consistent (integrity check, no stale
 * tokens), deferred indexing after {@code saveAll} and its chunked transactions, the rank window,
 * and raw FTS5 expressions. The answers every backend owes are in the contract suites.
 */
@DisplayName("SqlitePaperStore: the FTS5 index, deferred indexing, the rank window")
class SqliteSearchIndexTest {

  @TempDir
  Path dir;
  Database db;
  SqlitePaperStore store;

  @BeforeEach
  void openStore() {
    db = Database.open(dir.resolve("paperboy.db"));
    store = new SqlitePaperStore(db);
    saveFixtures();
  }

  @AfterEach
  void closeStore() {
    db.close();
  }

  private static Query words(String text) {
    return SearchInput.plainWords(text).orElseThrow();
  }

  private List<String> ids(String query) {
    return store.search(words(query), 50).stream().map(h -> h.paper().arxivId()).collect(Collectors.toList());
  }

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

    assertThat(store.search(words("nebula"), 10).get(0).paper().arxivId()).isEqualTo("w.old");
    assertThat(narrow.search(words("nebula"), 2)).extracting(h -> h.paper().arxivId()).containsExactlyInAnyOrder("w.mid", "w.new");
    // a limit above the window widens it
    assertThat(narrow.search(words("nebula"), 3).get(0).paper().arxivId()).isEqualTo("w.old");
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
    assertThat(narrow.search(words("comet"), 3)).extracting(h -> h.paper().arxivId())
        .containsExactly("c.title", "c.newest", "c.summary");
    // AND the count says "at least" the window plus one: counting further would walk every match
    assertThat(narrow.searchPage(words("comet"), 2).matches()).isEqualTo(MatchCount.atLeast(4));
    assertThat(store.searchPage(words("comet"), 2).matches()).isEqualTo(MatchCount.exactly(4));
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

  @Test
  @DisplayName("saveAll splits large inputs into several transactions, defers indexing, and still saves every day")
  void saveAllChunks() {
    int perDay = 40;
    int days = SqlitePaperStore.SAVE_ALL_CHUNK_ENTRIES / perDay * 2 + 3; // three transactions
    List<Digest> digests = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      String date = day("2020-01-01").plusDays(d).toString();
      TestData.Entry[] entries = new TestData.Entry[perDay];
      for (int r = 0; r < perDay; r++) {
        entries[r] = entry(r + 1, "p" + d + "." + r).summary("");
      }
      digests.add(digest(date, entries));
    }

    try (Database empty = Database.open(dir.resolve("bulk.db"))) {
      SqlitePaperStore bulk = new SqlitePaperStore(empty);

      List<IngestResult> results = bulk.saveAll(digests);

      assertThat(results).hasSize(days);
      assertThat(bulk.digestDates()).hasSize(days);
      assertThat(empty.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM digest_entry"))).isEqualTo(days * perDay);
      assertThat(bulk.refreshSearchIndex()).isEqualTo(days * perDay);
      assertThat(bulk.refreshSearchIndex()).isZero();
    }
  }

  private void assertIndexConsistent() {
    db.write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO paper_fts (paper_fts) VALUES ('integrity-check')");
      }
      return null;
    });
    assertThat(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM paper_fts")))
        .isEqualTo(db.<Integer>read(c -> Sql.count(c, "SELECT count(*) FROM paper")));
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
