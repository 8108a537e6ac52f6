package io.paperboy.store;

import static io.paperboy.store.TestData.day;
import static io.paperboy.store.TestData.digest;
import static io.paperboy.store.TestData.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SqlitePaperStore queries: top, dates, nearest date, export")
class QueriesTest extends RealStoreTest {

  @Test
  @DisplayName("top of one day: votes descending, unknown votes last, ties by rank")
  void topOfOneDay() {
    store.save(digest("2024-06-07",
        entry(1, "a").votes(10), entry(2, "b").votes(null), entry(3, "c").votes(10), entry(4, "d").votes(5),
        entry(5, "z").votes(0), entry(6, "n").votes(null)));

    assertThat(store.top(day("2024-06-07"), day("2024-06-07"), 10))
        .extracting(DigestEntry::arxivId).containsExactly("a", "c", "d", "z", "b", "n");
    assertThat(store.top(day("2024-06-07"), day("2024-06-07"), 2)).extracting(DigestEntry::arxivId).containsExactly("a", "c");
  }

  @Test
  @DisplayName("top of a range: one entry per paper (its best), ties by rank then the newer date")
  void topOfRange() {
    store.save(digest("2024-06-07",
        entry(1, "a").votes(10), entry(2, "b").votes(null), entry(3, "c").votes(10), entry(4, "h").votes(5),
        entry(5, "k").votes(null)));
    store.save(digest("2024-06-08",
        entry(1, "e").votes(12), entry(2, "a").votes(12), entry(3, "f").votes(null), entry(4, "i").votes(5),
        entry(5, "k").votes(3)));
    store.save(digest("2024-06-20", entry(1, "late").votes(999)));

    List<DigestEntry> top = store.top(day("2024-06-07"), day("2024-06-08"), 10);

    assertThat(top).extracting(DigestEntry::arxivId, DigestEntry::date, DigestEntry::votes).containsExactly(
        tuple("e", day("2024-06-08"), Optional.of(12)),
        tuple("a", day("2024-06-08"), Optional.of(12)),
        tuple("c", day("2024-06-07"), Optional.of(10)),
        tuple("i", day("2024-06-08"), Optional.of(5)), // same votes and rank as h: the newer date first
        tuple("h", day("2024-06-07"), Optional.of(5)),
        tuple("k", day("2024-06-08"), Optional.of(3)), // its known votes beat its unknown ones
        tuple("b", day("2024-06-07"), Optional.empty()),
        tuple("f", day("2024-06-08"), Optional.empty()));
    assertThat(store.top(day("2024-06-01"), day("2024-06-30"), 1)).extracting(DigestEntry::arxivId).containsExactly("late");
  }

  @Test
  @DisplayName("top of an empty or reversed range, or with limit 0, is empty")
  void topEmpty() {
    store.save(digest("2024-06-07", entry(1, "a").votes(1)));
    assertThat(store.top(day("2024-06-01"), day("2024-06-06"), 10)).isEmpty();
    assertThat(store.top(day("2024-06-08"), day("2024-06-07"), 10)).isEmpty();
    assertThat(store.top(day("2024-06-07"), day("2024-06-07"), 0)).isEmpty();
  }

  @Test
  @DisplayName("digest dates come oldest first whatever the save order; latest is the newest")
  void dates() {
    assertThat(store.digestDates()).isEmpty();
    assertThat(store.latestDigestDate()).isEmpty();
    store.save(digest("2024-06-10", entry(1, "a")));
    store.save(digest("2023-11-21", entry(1, "b")));
    store.save(digest("2024-06-01", entry(1, "c")));

    assertThat(store.digestDates()).containsExactly(day("2023-11-21"), day("2024-06-01"), day("2024-06-10"));
    assertThat(store.latestDigestDate()).contains(day("2024-06-10"));
    assertThat(store.digest(day("2024-06-02"))).isEmpty();
  }

  @Test
  @DisplayName("nearest date: exact, closer side, the earlier one on a tie, before the first and after the last")
  void nearest() {
    assertThat(store.nearestDigestDate(day("2024-06-03"))).isEmpty();
    store.save(digest("2024-06-01", entry(1, "a")));
    store.save(digest("2024-06-05", entry(1, "b")));
    store.save(digest("2024-06-10", entry(1, "c")));

    assertThat(store.nearestDigestDate(day("2024-06-05"))).contains(day("2024-06-05"));
    assertThat(store.nearestDigestDate(day("2024-06-03"))).contains(day("2024-06-01")); // 2 days either way
    assertThat(store.nearestDigestDate(day("2024-06-04"))).contains(day("2024-06-05"));
    assertThat(store.nearestDigestDate(day("2024-06-02"))).contains(day("2024-06-01"));
    assertThat(store.nearestDigestDate(day("2024-06-08"))).contains(day("2024-06-10"));
    assertThat(store.nearestDigestDate(day("2020-01-01"))).contains(day("2024-06-01"));
    assertThat(store.nearestDigestDate(day("2030-01-01"))).contains(day("2024-06-10"));
  }

  @Test
  @DisplayName("export streams every entry by date then rank, or one day only")
  void export() {
    Digest late = digest("2024-06-08", entry(2, "x.2"), entry(1, "x.1"));
    Digest early = digest("2024-06-07", entry(1, "y.1").votes(3), entry(2, "x.1").votes(null), entry(3, "y.3"));
    store.save(late);
    store.save(early);

    List<DigestEntry> all = new ArrayList<>();
    store.export(Optional.empty(), all::add);
    assertThat(all).extracting(DigestEntry::date, DigestEntry::rank, DigestEntry::arxivId).containsExactly(
        tuple(day("2024-06-07"), 1, "y.1"), tuple(day("2024-06-07"), 2, "x.1"), tuple(day("2024-06-07"), 3, "y.3"),
        tuple(day("2024-06-08"), 1, "x.1"), tuple(day("2024-06-08"), 2, "x.2"));
    assertThat(all.subList(0, 3)).isEqualTo(early.entries());

    List<DigestEntry> one = new ArrayList<>();
    store.export(Optional.of(day("2024-06-08")), one::add);
    assertThat(one).extracting(DigestEntry::arxivId).containsExactly("x.1", "x.2");

    List<DigestEntry> none = new ArrayList<>();
    store.export(Optional.of(day("2024-06-09")), none::add);
    assertThat(none).isEmpty();
  }

  @Test
  @DisplayName("export then save into a new database reproduces every day exactly")
  void exportReimport() {
    store.saveAll(SyntheticDigests.days(day("2024-01-01"), 5, 30, 3));
    store.save(digest("2024-02-01", entry(1, "t.1").title("탭\t과 줄바꿈\n").votes(null).authors().summary("\r\n")));
    List<DigestEntry> exported = new ArrayList<>();
    store.export(Optional.empty(), exported::add);

    try (Database copyDb = Database.open(dir.resolve("copy.db"))) {
      SqlitePaperStore copy = new SqlitePaperStore(copyDb);
      List<Digest> days = new ArrayList<>();
      for (var date : store.digestDates()) {
        days.add(new Digest(date, store.digest(date), "copy"));
      }
      copy.saveAll(days);
      List<DigestEntry> again = new ArrayList<>();
      copy.export(Optional.empty(), again::add);
      assertThat(again).hasSize(5 * 30 + 1).isEqualTo(exported);
    }
  }
}
