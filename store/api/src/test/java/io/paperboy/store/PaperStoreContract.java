package io.paperboy.store;

import static io.paperboy.store.TestData.day;
import static io.paperboy.store.TestData.digest;
import static io.paperboy.store.TestData.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.paperboy.store.query.Query;
import io.paperboy.store.query.SearchInput;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link PaperStore}: saving (round trips, re-saves, the paper's latest view, bulk
 * saves) and the reads (top, dates, nearest date, export). Search has {@link SearchContract}.
 */
@DisplayName("PaperStore contract: saves, the paper's latest view, top, dates, export")
public abstract class PaperStoreContract extends StoresContract {

  protected PaperStore store;

  @BeforeEach
  final void openPaperStore() {
    store = fresh().papers();
  }

  /** {@code text} as the plain words {@code /search} falls back to. */
  static Query words(String text) {
    return SearchInput.plainWords(text).orElseThrow();
  }

  @Test
  @DisplayName("every field survives a save and a read in a fresh connection, byte for byte")
  void roundTrip() {
    // GIVEN entries with awkward text: Hangul (composed and decomposed), TAB, CRLF, quotes, emoji,
    // unknown votes, zero votes, no authors, 1,000 authors, a video, an image, no media
    List<String> thousand = IntStream.rangeClosed(1, 1000)
        .mapToObj(i -> i % 7 == 0 ? "Kim, \"Jr.\" " + i + " 김철수\t" : "Author " + i)
        .collect(Collectors.toList());
    String decomposed = Normalizer.normalize("확산 모델", Normalizer.Form.NFD);
    Digest saved = digest("2024-06-07",
        entry(1, "2406.04325")
            .title("ShareGPT4Video: Improving Video [IDK] Understanding & $\\times$ 확산모델")
            .votes(35)
            .authors("Yu Qiao", "Feng Zhao")
            .media("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.04325.png")
            .summary("- ShareGPT4Video 시리즈는 높은 밀도와\n  - nested\t\\textit{x}\r\n1. **Tokenizer**: \"quoted\" 😀 trailing   \n"),
        entry(2, "2406.00001").votes(null).authors().summary(""),
        entry(3, "2406.00002").votes(0).authors(thousand).media("https://x.example/v.mp4?x=1"),
        entry(4, "2406.00003").title(decomposed).summary(decomposed + "\u0000?\u0007end"));

    store.save(saved);

    // WHEN read back THEN identical records, in rank order
    assertThat(store.digest(day("2024-06-07"))).isEqualTo(saved.entries());
    List<DigestEntry> exported = new ArrayList<>();
    store.export(Optional.empty(), exported::add);
    assertThat(exported).isEqualTo(saved.entries());
    assertThat(exported.get(3).title()).isEqualTo(decomposed).isNotEqualTo("확산 모델");
    assertThat(exported.get(2).authors()).hasSize(1000).isEqualTo(thousand);

    Paper paper = store.paper("2406.04325").orElseThrow();
    DigestEntry first = saved.entries().get(0);
    assertThat(paper).isEqualTo(new Paper(first.arxivId(), first.title(), first.url(), first.votes(),
        first.authors(), first.media(), first.summary(), List.of(day("2024-06-07"))));
    assertThat(store.paper("2406.00001").orElseThrow().votes()).isEmpty();
    assertThat(store.paper("2406.00002").orElseThrow().votes()).contains(0);
    assertThat(store.paper("https://arxiv.org/abs/2406.04325v2")).contains(paper);
    assertThat(store.paper("2406.99999")).isEmpty();
  }

  @Test
  @DisplayName("paperTexts: every listed paper once, with its newest day's title, summary and votes")
  void paperTexts() {
    // GIVEN a paper on two days (the older saved last), one whose day dropped it, one unknown vote
    store.save(digest("2024-06-08", entry(1, "a.1").title("New title").summary("새 요약").votes(40),
        entry(2, "a.2").votes(null)));
    store.save(digest("2024-06-07", entry(1, "a.1").title("Old title").summary("옛 요약").votes(3),
        entry(2, "a.3")));
    store.save(digest("2024-06-07", entry(1, "a.1").title("Old title").summary("옛 요약").votes(3)));

    // WHEN streamed
    List<PaperText> texts = new ArrayList<>();
    store.paperTexts(texts::add);

    // THEN a.1 as its newest day says, a.2 with unknown votes, a.3 (listed nowhere now) left out
    assertThat(texts).containsExactlyInAnyOrder(
        new PaperText("a.1", "New title", "새 요약", Optional.of(40)),
        new PaperText("a.2", "Paper a.2", "- summary of a.2", Optional.empty()));
    // AND the port's default, derived from export alone, agrees with the backend
    List<PaperText> viaDefault = new ArrayList<>();
    new ExportOnly(store).paperTexts(viaDefault::add);
    assertThat(viaDefault).containsExactlyInAnyOrderElementsOf(texts);
  }

  /** A store that only exports, so that {@link PaperStore#paperTexts} runs its default. */
  private record ExportOnly(PaperStore store) implements PaperStore {
    @Override
    public void export(Optional<java.time.LocalDate> date, java.util.function.Consumer<DigestEntry> sink) {
      store.export(date, sink);
    }

    @Override
    public IngestResult save(Digest digest) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Paper> paper(String arxivIdOrUrl) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<DigestEntry> digest(java.time.LocalDate date) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<java.time.LocalDate> digestDates() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<java.time.LocalDate> latestDigestDate() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<java.time.LocalDate> nearestDigestDate(java.time.LocalDate date) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<DigestEntry> top(java.time.LocalDate from, java.time.LocalDate to, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SearchPage searchPage(Query query, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<PeriodCount> countPerPeriod(Query query, java.time.LocalDate from, java.time.LocalDate to,
        CountPeriod by) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Paper> recentPapers(int limit) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  @DisplayName("paperTexts of an empty store streams nothing")
  void paperTextsEmpty() {
    List<PaperText> texts = new ArrayList<>();
    store.paperTexts(texts::add);
    assertThat(texts).isEmpty();
  }

  @Test
  @DisplayName("re-saving a day updates it: no duplicates, changed votes and text win")
  void resaveUpdates() {
    store.save(digest("2024-06-07", entry(1, "a.1").votes(10), entry(2, "a.2").votes(5)));

    IngestResult again = store.save(digest("2024-06-07",
        entry(1, "a.1").votes(12).title("Better title"), entry(2, "a.2").votes(5)));

    assertThat(again).isEqualTo(new IngestResult(day("2024-06-07"), 0, 1, 1, 0, List.of()));
    assertThat(store.digest(day("2024-06-07"))).extracting(DigestEntry::arxivId).containsExactly("a.1", "a.2");
    assertThat(store.paper("a.1").orElseThrow().title()).isEqualTo("Better title");
    assertThat(store.paper("a.1").orElseThrow().votes()).contains(12);
    assertThat(store.paper("a.1").orElseThrow().dates()).containsExactly(day("2024-06-07"));
    List<DigestEntry> stored = new ArrayList<>();
    store.export(Optional.empty(), stored::add);
    assertThat(stored).hasSize(2);
    assertThat(store.digestDates()).containsExactly(day("2024-06-07"));
  }

  @Test
  @DisplayName("re-saving an unchanged day reports 0 new, 0 updated, N unchanged")
  void resaveUnchanged() {
    Digest day = digest("2024-06-07", entry(1, "a.1").votes(10).media("https://x/a.png"),
        entry(2, "a.2").authors("A", "B").authorsMore(true), entry(3, "a.3"));
    store.save(day);

    IngestResult again = store.save(day);

    assertThat(again).isEqualTo(new IngestResult(day("2024-06-07"), 0, 0, 3, 0, List.of()));
  }

  @Test
  @DisplayName("each stored field that changes makes its entry updated, and only that entry")
  void eachFieldCountsAsUpdate() {
    List<java.util.function.UnaryOperator<TestData.Entry>> changes = List.of(
        e -> e.title("Another title"),
        e -> e.url("https://arxiv.org/abs/a.1v2"),
        e -> e.votes(11),
        e -> e.votes(null),
        e -> e.authors("Ada Lovelace"),
        e -> e.authorsMore(true),
        e -> e.media("https://x/a.mp4"),
        e -> e.summary("- another summary"));
    for (var change : changes) {
      store.save(digest("2024-06-07", entry(1, "a.1").votes(10), entry(2, "a.2")));

      IngestResult result = store.save(digest("2024-06-07", change.apply(entry(1, "a.1").votes(10)), entry(2, "a.2")));

      assertThat(result).as("after %s", store.digest(day("2024-06-07")).get(0))
          .isEqualTo(new IngestResult(day("2024-06-07"), 0, 1, 1, 0, List.of()));
    }
  }

  @Test
  @DisplayName("a cut author list keeps its flag through save, digest, paper and export")
  void authorsMoreRoundTrip() {
    store.save(digest("2024-06-07", entry(1, "a.1").authors("Gemini Team", "Rohan Anil").authorsMore(true),
        entry(2, "a.2")));

    assertThat(store.digest(day("2024-06-07"))).extracting(DigestEntry::authorsMore).containsExactly(true, false);
    assertThat(store.paper("a.1").orElseThrow().authorsMore()).isTrue();
    assertThat(store.paper("a.2").orElseThrow().authorsMore()).isFalse();
    List<DigestEntry> exported = new ArrayList<>();
    store.export(Optional.empty(), exported::add);
    assertThat(exported).extracting(DigestEntry::authorsMore).containsExactly(true, false);
    // a newer day listing the whole list takes over the paper's view
    store.save(digest("2024-06-08", entry(1, "a.1").authors("Gemini Team", "Rohan Anil", "Orhan Firat")));
    assertThat(store.paper("a.1").orElseThrow().authorsMore()).isFalse();
  }

  @Test
  @DisplayName("a new list for a day: dropped entries leave the day, their papers stay; counts say so")
  void differentList() {
    store.save(digest("2024-06-07", entry(1, "a.1"), entry(2, "a.2"), entry(3, "a.3")));

    IngestResult result = store.save(digest("2024-06-07", entry(1, "a.3"), entry(2, "a.4")));

    // a.3 moved from rank 3 to rank 1: a stored field changed, so it is updated
    assertThat(result).isEqualTo(new IngestResult(day("2024-06-07"), 1, 1, 0, 2, List.of("a.4")));
    assertThat(store.digest(day("2024-06-07"))).extracting(DigestEntry::arxivId).containsExactly("a.3", "a.4");
    assertThat(store.paper("a.1")).isPresent();
    assertThat(store.paper("a.1").orElseThrow().dates()).isEmpty();
    assertThat(store.paper("a.3").orElseThrow().dates()).containsExactly(day("2024-06-07"));
  }

  @Test
  @DisplayName("rank reshuffle: papers swapping and rotating ranks do not trip UNIQUE(date, rank)")
  void rankReshuffle() {
    store.save(digest("2024-06-07", entry(1, "a.1"), entry(2, "a.2"), entry(3, "a.3")));

    store.save(digest("2024-06-07", entry(1, "a.3"), entry(2, "a.1"), entry(3, "a.2")));

    assertThat(store.digest(day("2024-06-07")))
        .extracting(DigestEntry::rank, DigestEntry::arxivId)
        .containsExactly(tuple(1, "a.3"), tuple(2, "a.1"),
            tuple(3, "a.2"));
  }

  @Test
  @DisplayName("entries given out of rank order are stored and read in rank order")
  void outOfOrderInput() {
    store.save(digest("2024-06-07", entry(3, "a.3"), entry(1, "a.1"), entry(2, "a.2")));
    assertThat(store.digest(day("2024-06-07"))).extracting(DigestEntry::arxivId).containsExactly("a.1", "a.2", "a.3");
  }

  @Test
  @DisplayName("the paper keeps the view of its newest day, even when an older day is saved later")
  void olderDayKeepsNewerView() {
    store.save(digest("2024-06-08", entry(1, "a.1").title("Title with times").votes(40).summary("new summary")));

    IngestResult older = store.save(digest("2024-06-07", entry(5, "a.1").title("Title with $\\times$").votes(3)
        .summary("old summary")));

    Paper paper = store.paper("a.1").orElseThrow();
    assertThat(paper.title()).isEqualTo("Title with times");
    assertThat(paper.votes()).contains(40);
    assertThat(paper.summary()).isEqualTo("new summary");
    assertThat(paper.dates()).containsExactly(day("2024-06-07"), day("2024-06-08"));
    assertThat(older.newPapers()).isEmpty();
    // each day still keeps its own verbatim entry
    assertThat(store.digest(day("2024-06-07")).get(0).title()).isEqualTo("Title with $\\times$");
    // and a newer day does take over
    store.save(digest("2024-06-09", entry(2, "a.1").title("Newest").votes(41)));
    assertThat(store.paper("a.1").orElseThrow().title()).isEqualTo("Newest");
  }

  @Test
  @DisplayName("when the newest day drops a paper, the paper's view falls back to the newest day still listing it")
  void viewFallsBackAfterRemoval() {
    store.save(digest("2024-06-07", entry(1, "a.1").title("old view").votes(1)));
    store.save(digest("2024-06-08", entry(1, "a.1").title("new view").votes(2), entry(2, "a.2")));

    store.save(digest("2024-06-08", entry(1, "a.2")));

    Paper paper = store.paper("a.1").orElseThrow();
    assertThat(paper.title()).isEqualTo("old view");
    assertThat(paper.votes()).contains(1);
    assertThat(paper.dates()).containsExactly(day("2024-06-07"));
    assertThat(store.search(words("old view"), 5)).extracting(h -> h.paper().arxivId()).containsExactly("a.1");
    assertThat(store.search(words("new view"), 5)).isEmpty();
  }

  @Test
  @DisplayName("newPapers lists, in rank order, exactly the papers never seen before this save")
  void newPapers() {
    IngestResult first = store.save(digest("2024-06-07", entry(2, "a.2"), entry(1, "a.1")));
    IngestResult second = store.save(digest("2024-06-08", entry(1, "a.3"), entry(2, "a.1"), entry(3, "a.4")));
    IngestResult resave = store.save(digest("2024-06-08", entry(1, "a.3"), entry(2, "a.1"), entry(3, "a.4")));
    IngestResult older = store.save(digest("2024-06-01", entry(1, "a.2"), entry(2, "a.0")));

    assertThat(first.newPapers()).containsExactly("a.1", "a.2");
    assertThat(first.added()).isEqualTo(2);
    assertThat(second.newPapers()).containsExactly("a.3", "a.4");
    assertThat(second).extracting(IngestResult::added, IngestResult::updated, IngestResult::removed)
        .containsExactly(3, 0, 0);
    assertThat(resave).extracting(IngestResult::added, IngestResult::updated, IngestResult::unchanged)
        .containsExactly(0, 0, 3);
    assertThat(resave.newPapers()).isEmpty();
    assertThat(older.newPapers()).containsExactly("a.0");
  }

  @Test
  @DisplayName("an empty digest empties its day but keeps the day and the papers")
  void emptyDigest() {
    store.save(digest("2024-06-07", entry(1, "a.1")));
    IngestResult result = store.save(digest("2024-06-07"));
    assertThat(result).isEqualTo(new IngestResult(day("2024-06-07"), 0, 0, 0, 1, List.of()));
    assertThat(store.digest(day("2024-06-07"))).isEmpty();
    assertThat(store.paper("a.1")).isPresent();
  }

  @Test
  @DisplayName("a digest listing a paper twice or two papers at one rank is refused whole, nothing stored")
  void refusesDuplicates() {
    assertThatThrownBy(() -> store.save(digest("2024-06-07", entry(1, "a.1"), entry(2, "a.1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.1 twice, at ranks 1 and 2");
    assertThatThrownBy(() -> store.save(digest("2024-06-07", entry(1, "a.1"), entry(1, "a.2"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two entries at rank 1");
    assertThat(store.digestDates()).isEmpty();
    assertThat(store.paper("a.1")).isEmpty();
  }

  @Test
  @DisplayName("saveAll stores the same as day-by-day saves and reports the same results")
  void saveAllMatchesSave() {
    List<Digest> days = List.of(
        digest("2024-06-07", entry(1, "a.1").votes(3), entry(2, "a.2")),
        digest("2024-06-09", entry(1, "a.3"), entry(2, "a.1").title("newer").votes(9)),
        digest("2024-06-08", entry(1, "a.1").title("middle"), entry(2, "a.4")),
        digest("2024-06-07", entry(1, "a.2"), entry(2, "a.5")));
    PaperStore oneByOne = fresh().papers();
    List<IngestResult> expected = days.stream().map(oneByOne::save).collect(Collectors.toList());

    List<IngestResult> results = store.saveAll(days);

    assertThat(results).isEqualTo(expected);
    assertThat(store.paper("a.1").orElseThrow().title()).isEqualTo("newer");
    assertThat(store.paper("a.1").orElseThrow().dates()).containsExactly(day("2024-06-08"), day("2024-06-09"));
    assertThat(store.digest(day("2024-06-07"))).extracting(DigestEntry::arxivId).containsExactly("a.2", "a.5");
    assertThat(store.search(words("newer"), 5)).extracting(h -> h.paper().arxivId()).containsExactly("a.1");
  }

  @Test
  @DisplayName("saveAll of thousands of entries saves every day, each found by search afterwards")
  void saveAllMany() {
    int perDay = 40;
    int days = 260; // 10,400 entries: more than a backend would put in one transaction
    List<Digest> digests = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      String date = day("2020-01-01").plusDays(d).toString();
      TestData.Entry[] entries = new TestData.Entry[perDay];
      for (int r = 0; r < perDay; r++) {
        entries[r] = entry(r + 1, "p" + d + "." + r).title("Bulk day " + d + " paper " + r).summary("");
      }
      digests.add(digest(date, entries));
    }

    List<IngestResult> results = store.saveAll(digests);

    assertThat(results).hasSize(days).allSatisfy(r -> assertThat(r.added()).isEqualTo(perDay));
    assertThat(store.digestDates()).hasSize(days);
    List<DigestEntry> all = new ArrayList<>();
    store.export(Optional.empty(), all::add);
    assertThat(all).hasSize(days * perDay);
    assertThat(store.search(words("bulk"), 5)).hasSize(5);
    assertThat(store.search(words("day 259 paper 39"), 5)).extracting(h -> h.paper().arxivId()).contains("p259.39");
  }

  // --- reads: top, dates, nearest date, export


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

    PaperStore copy = fresh().papers();
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
