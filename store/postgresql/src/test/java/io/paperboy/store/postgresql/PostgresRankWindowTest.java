package io.paperboy.store.postgresql;

import static io.paperboy.store.TestData.digest;
import static io.paperboy.store.TestData.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.MatchCount;
import io.paperboy.store.SearchHit;
import io.paperboy.store.SearchPage;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.papers.PgPaperStore;
import io.paperboy.store.query.SearchInput;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What only the PostgreSQL paper store's search has: the rank window (the newest matches, ranked by
 * title match, votes, recency) found by one walk whose plan depends on how common the query is.
 */
@DisplayName("PgPaperStore search: the rank window, for common and rare queries")
class PostgresRankWindowTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();
  @RegisterExtension
  static final FreshSchemas schemas = new FreshSchemas(pg);

  Database db;
  PgPaperStore store;

  @BeforeEach
  void open() {
    db = Database.open(schemas.freshSettings());
    // a window of three newest matches (a search asking for more than three widens it to its limit)
    store = new PgPaperStore(db, Clock.systemUTC(), 3);
    // GIVEN six papers stored oldest first, all about diffusion; the oldest has it in its title and
    // the most votes, the fifth has it in its title too; only the second mentions sheep
    store.saveAll(List.of(
        digest("2024-01-01", entry(1, "2401.00001").title("Diffusion everywhere").votes(99)
            .summary("- diffusion models")),
        digest("2024-01-02", entry(1, "2401.00002").title("Herding").votes(5).summary("- diffusion for sheep")),
        digest("2024-01-03", entry(1, "2401.00003").title("Third").votes(7).summary("- diffusion again")),
        digest("2024-01-04", entry(1, "2401.00004").title("Fourth").votes(3).summary("- diffusion, fourth")),
        digest("2024-01-05", entry(1, "2401.00005").title("Diffusion five").votes(1).summary("- diffusion five")),
        digest("2024-01-06", entry(1, "2401.00006").title("Sixth").summary("- diffusion six"))));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private SearchPage search(String words, int limit) {
    return store.searchPage(SearchInput.plainWords(words).orElseThrow(), limit);
  }

  private static List<String> ids(SearchPage page) {
    return page.hits().stream().map(SearchHit::paper).map(p -> p.arxivId()).toList();
  }

  @Test
  @DisplayName("a query matching every paper ranks only the three newest: title match, then votes (unknown last); the count says 'at least'")
  void commonQuery() {
    // WHEN searching a word every paper has, several times (a server-side plan must not change the answer)
    for (int round = 0; round < 8; round++) {
      SearchPage page = search("diffusion", 3);
      // THEN the old, most voted title match is outside the window; inside it the title match leads
      assertThat(ids(page)).containsExactly("2401.00005", "2401.00004", "2401.00006");
      assertThat(page.hits().get(0).score()).isGreaterThan(page.hits().get(1).score());
      assertThat(page.matches()).isEqualTo(MatchCount.atLeast(4));
    }
  }

  @Test
  @DisplayName("a rare query finds its old paper outside any window of the newest, counted exactly; a word in none finds nothing")
  void rareQuery() {
    for (int round = 0; round < 8; round++) {
      SearchPage sheep = search("sheep", 10);
      assertThat(ids(sheep)).containsExactly("2401.00002");
      assertThat(sheep.matches()).isEqualTo(MatchCount.exactly(1));
      SearchPage none = search("zebra", 10);
      assertThat(none.hits()).isEmpty();
      assertThat(none.matches()).isEqualTo(MatchCount.exactly(0));
    }
  }
}
