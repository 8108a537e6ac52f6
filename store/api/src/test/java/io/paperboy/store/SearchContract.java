package io.paperboy.store;

import static io.paperboy.store.TestData.digest;
import static io.paperboy.store.TestData.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryParser;
import io.paperboy.store.query.SearchInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract of {@link PaperStore#search}: what {@code /search} answers, as plain words and in the
 * query language — Korean inside words ({@code 모델} finds {@code 모델을} and {@code 확산모델}), Latin
 * whole words and simple plurals, fields, phrases, OR, exclusions, regular expressions — the
 * ranking, safety against hostile input, and a search index that never lags behind a save. The
 * real sample days in {@code paperboy.sharedSeeds} are searched too when present.
 */
@DisplayName("PaperStore search contract: Korean and English matching, the query language, safety, ranking")
public abstract class SearchContract extends StoresContract {

  // the real sample days are read with a rough line scan, enough for titles and summaries (the
  // real parser lives in the scheduler module)
  private static final Pattern DATE = Pattern.compile("^## Daily Papers \\((\\d{4}-\\d{2}-\\d{2})\\)");
  private static final Pattern HEADING = Pattern.compile("^### \\[(.*)]\\((https?://arxiv\\.org/\\S+?)\\)\\s*$");
  private static final Pattern HANGUL_WORD = Pattern.compile("[가-힣]{3,}");
  private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z]{5,}\\b");

  protected Stores stores;
  protected PaperStore store;

  @BeforeEach
  final void saveFixtures() {
    stores = fresh();
    store = stores.papers();
    store.save(digest("2024-06-07",
        entry(1, "k.diffusion").title("확산모델을 이용한 이미지 생성").summary("- 노이즈를 제거한다").authors("Kim Minsu"),
        entry(2, "k.particle").title("Video understanding").summary("- 이 모델을 대규모 데이터로 학습한다").authors("Lee Jiwoo"),
        entry(3, "e.llms").title("LLMs are few-shot learners").summary("- in-context learning at scale").authors("Tom Brown"),
        entry(4, "e.llmops").title("LLMOps in practice").summary("- deploying language models").authors("Ana Silva"),
        entry(5, "e.author").title("Neural machine translation").summary("- attention").authors("Kyunghyun Cho", "Yoshua Bengio"),
        entry(6, "e.cpp").title("Compilers").summary("- C++ templates, GPT-3.5 and why we don't care").authors("Bjarne S"),
        entry(7, "e.classes").title("Few classes").summary("- a class imbalance study").authors("Ada Lovelace")));
  }

  /** The papers {@code /search} would list for {@code query} read as plain words. */
  private List<String> ids(String query) {
    return ids(store.search(words(query), 50));
  }

  /** The papers the query language finds for {@code query}. */
  private List<String> query(String query) {
    return ids(store.search(QueryParser.parse(query), 50));
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(h -> h.paper().arxivId()).collect(Collectors.toList());
  }

  private static Query words(String text) {
    return SearchInput.plainWords(text).orElseThrow();
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
  @DisplayName("a one-syllable Hangul term matches inside words as longer terms do: 눈 finds 눈에 and 첫눈, 음 finds 음성 and 음악")
  void oneSyllableInsideWords() {
    store.save(digest("2024-06-08",
        entry(1, "s.eye").title("Seeing").summary("- 사람의 눈에 보이는 장면을 만든다"),
        entry(2, "s.snow").title("첫눈 데이터셋").summary("- winter"),
        entry(3, "s.speech").title("음성 인식").summary("- speech"),
        entry(4, "s.music").title("Music").summary("- 음악을 생성한다"),
        entry(5, "s.brain").title("뇌 신호 해석").summary("- 뇌"),
        entry(6, "s.kanji").title("深度学習").summary("- deep")));

    assertThat(ids("눈")).containsExactlyInAnyOrder("s.eye", "s.snow");
    assertThat(ids("음")).containsExactlyInAnyOrder("s.speech", "s.music");
    assertThat(ids("뇌")).containsExactly("s.brain");
    assertThat(ids("学")).containsExactly("s.kanji");
    assertThat(ids("손")).isEmpty();
    // the longer terms keep their meaning
    assertThat(ids("음성")).containsExactly("s.speech");
    assertThat(ids("눈에")).containsExactly("s.eye");
    assertThat(ids("첫눈에")).isEmpty();
    assertThat(ids("모델")).containsExactlyInAnyOrder("k.diffusion", "k.particle");
    assertThat(ids("확산모델로")).isEmpty();
    // in the query language too: fields, exclusions (checked outside the index), OR, counts
    assertThat(query("title:눈")).containsExactly("s.snow");
    assertThat(query("음 -음악")).containsExactly("s.speech");
    assertThat(query("눈 OR 뇌")).containsExactlyInAnyOrder("s.eye", "s.snow", "s.brain");
    assertThat(query("\"이 모\"")).containsExactly("k.particle");
    assertThat(store.searchPage(words("음"), 1).matches()).isEqualTo(MatchCount.exactly(2));
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
    // as plain words (when there is a word at all) and as /search reads it (the language, forgiving)
    SearchInput.plainWords(query).ifPresent(q -> assertThat(store.search(q, 10)).isNotNull());
    SearchInput.parse(query).query().ifPresent(q -> assertThat(store.search(q, 10)).isNotNull());
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
  @DisplayName("empty or punctuation-only input and a limit of 0 return nothing without touching the database")
  void emptyInput() {
    stores.close(); // any database call would now fail
    for (String nothing : List.of("", "   ", "\"*()'--")) {
      assertThat(SearchInput.parse(nothing).query()).as("'%s'", nothing).isEmpty();
    }
    assertThat(store.search(words("모델"), 0)).isEmpty();
    assertThat(store.search(QueryParser.parse("모델 -확산"), 0)).isEmpty();
  }

  @Test
  @DisplayName("a very long query is safe")
  void longQuery() {
    String query = "모델 " + "word ".repeat(2000);
    assertThat(store.search(words(query), 10)).isEmpty();
    assertThat(store.search(words("모델 ".repeat(500)), 10)).hasSize(2);
    assertThat(SearchInput.parse(query).readAsPlainWords()).as("too long for the language").isPresent();
  }

  @Test
  @DisplayName("counts the matches however few are listed: exactly for words, phrases, exclusions and regular expressions")
  void countsMatches() {
    SearchPage one = store.searchPage(words("모델"), 1);
    assertThat(one.hits()).hasSize(1);
    assertThat(one.matches()).isEqualTo(MatchCount.exactly(2));
    assertThat(one.more()).isTrue();
    assertThat(store.searchPage(words("모델"), 5).matches()).isEqualTo(MatchCount.exactly(2));
    assertThat(store.searchPage(words("모델"), 5).more()).isFalse();
    assertThat(store.searchPage(words("확산모델로"), 5).matches()).isEqualTo(MatchCount.exactly(0));
    assertThat(store.searchPage(QueryParser.parse("모델 -확산"), 5).matches()).isEqualTo(MatchCount.exactly(1));
    assertThat(store.searchPage(QueryParser.parse("/few-shot|templates/"), 1).matches()).isEqualTo(MatchCount.exactly(2));
    assertThat(store.searchPage(QueryParser.parse("title:llms OR author:cho"), 1).matches())
        .isEqualTo(MatchCount.exactly(2));
  }

  @Test
  @DisplayName("a hundred matches are counted exactly while five are listed; search() lists what searchPage() lists")
  void countsAHundred() {
    List<TestData.Entry> many = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      many.add(entry(i, "n." + i).title("Nebula survey " + i).summary("- 성운 관측 " + i));
    }
    store.save(digest("2024-06-08", many.toArray(TestData.Entry[]::new)));

    SearchPage page = store.searchPage(words("nebula"), 5);
    assertThat(page.hits()).hasSize(5);
    assertThat(page.matches()).isEqualTo(MatchCount.exactly(100));
    assertThat(store.searchPage(words("성운"), 25).matches()).isEqualTo(MatchCount.exactly(100));
    assertThat(store.searchPage(QueryParser.parse("nebula -\"survey 7\""), 5).matches()).isEqualTo(MatchCount.exactly(99));
    assertThat(ids(store.search(words("nebula"), 5))).isEqualTo(ids(page.hits()));
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

    List<SearchHit> quasar = store.search(words("quasar"), 10);
    assertThat(quasar).extracting(h -> h.paper().arxivId()).containsExactly("r.title", "r.summary");
    assertThat(quasar.get(0).score()).isGreaterThan(quasar.get(1).score());

    List<SearchHit> pulsar = store.search(words("pulsar"), 10);
    assertThat(pulsar).extracting(h -> h.paper().arxivId()).containsExactly("r.same.high", "r.same.low", "r.same.none");
    assertThat(pulsar.get(0).score()).isEqualTo(pulsar.get(2).score());
    assertThat(store.search(words("pulsar"), 2)).hasSize(2);
  }

  @Test
  @DisplayName("hits carry the paper's latest view and its dates")
  void hitCarriesPaper() {
    store.save(digest("2024-06-09", entry(1, "e.author").title("Neural machine translation v2").votes(7)));
    SearchHit hit = store.search(words("translation"), 5).get(0);
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
  }

  @Test
  @DisplayName("papers from saveAll are found at once, with their newest view")
  void saveAllThenSearch() {
    store.saveAll(List.of(
        digest("2024-06-10", entry(1, "b.1").title("Bulk loaded 벌크모델")),
        digest("2024-06-11", entry(1, "b.2").title("Another bulk paper"), entry(2, "b.1").title("Bulk loaded again"))));

    assertThat(ids("bulk")).containsExactlyInAnyOrder("b.1", "b.2");
    assertThat(ids("벌크")).isEmpty(); // b.1's newest view no longer says it
  }

  // --- the query language, through the store

  @Test
  @DisplayName("fields, phrases and OR are answered by the index; Korean inside words, Latin words whole")
  void queryLanguageIndexed() {
    assertThat(query("title:모델")).containsExactly("k.diffusion");
    assertThat(query("summary:모델")).containsExactly("k.particle");
    assertThat(query("author:cho")).containsExactly("e.author");
    assertThat(query("summary:cho")).isEmpty();
    assertThat(query("\"few-shot learners\"")).containsExactly("e.llms");
    assertThat(query("\"learners few-shot\"")).isEmpty();
    assertThat(query("확산 OR llm")).containsExactlyInAnyOrder("k.diffusion", "e.llms");
    assertThat(query("(cho OR 노이즈) attention")).containsExactly("e.author");
    assertThat(query("title:(llm OR compiler)")).containsExactlyInAnyOrder("e.llms", "e.cpp");
    assertThat(query("모델 AND 학습한다")).containsExactly("k.particle");
  }

  @Test
  @DisplayName("exclusions and regular expressions are checked on the index's candidates, in rank order")
  void queryLanguageFiltered() {
    assertThat(query("모델 -확산")).containsExactly("k.particle");
    assertThat(query("모델 NOT title:이미지")).containsExactly("k.particle");
    assertThat(query("llm -llmops")).containsExactly("e.llms");
    assertThat(query("title:/few-shot/ learners")).containsExactly("e.llms");
    assertThat(query("class /imbalance/")).containsExactly("e.classes");
    assertThat(query("모델 /노이즈/")).containsExactly("k.diffusion");
  }

  @Test
  @DisplayName("a query of only regular expressions scans the newest papers; OR with a regex too")
  void queryLanguageScan() {
    assertThat(query("/c\\+\\+ templates/")).containsExactly("e.cpp");
    assertThat(query("/gpt-?3\\.5/")).containsExactly("e.cpp");
    assertThat(query("summary:/^- attention$/")).containsExactly("e.author");
    assertThat(query("zebra OR /lovelace/")).containsExactly("e.classes");
    assertThat(query("/nothing like this/")).isEmpty();
  }

  @Test
  @DisplayName("a filtered query still answers its best hits first and at most limit of them")
  void filteredRankingAndLimit() {
    store.save(digest("2024-06-08",
        entry(1, "f.summary").title("Something else").summary("- about a quasar, not a pulsar").votes(500),
        entry(2, "f.title").title("Quasar").summary("- stars").votes(1),
        entry(3, "f.excluded").title("Quasar pulsar").summary("- both").votes(900)));

    List<SearchHit> hits = store.search(QueryParser.parse("quasar -title:pulsar"), 10);

    assertThat(ids(hits)).containsExactly("f.title", "f.summary");
    assertThat(store.search(QueryParser.parse("quasar -title:pulsar"), 1)).extracting(h -> h.paper().arxivId())
        .containsExactly("f.title");
  }

  @Test
  @DisplayName("/search's forgiving input: valid syntax is the language, anything else plain words")
  void forgivingInput() {
    assertThat(ids(store.search(SearchInput.parse("모델 -확산").query().orElseThrow(), 50))).containsExactly("k.particle");
    SearchInput broken = SearchInput.parse("C++ \"templates");
    assertThat(broken.readAsPlainWords()).isPresent();
    assertThat(ids(store.search(broken.query().orElseThrow(), 50))).containsExactly("e.cpp");
    assertThat(ids(store.search(SearchInput.parse("NOT").query().orElseThrow(), 50))).isEmpty();
  }

  // --- the real sample days

  // queries are taken from each paper's own text, so nothing here is a hard-coded answer
  @Test
  @DisplayName("real sample days: every paper is found by Korean words from its summary, by their inner two syllables, and by title words")
  void findsEveryPaperByItsOwnWords() throws IOException {
    String seeds = System.getProperty("paperboy.sharedSeeds");
    assumeTrue(seeds != null && Files.isDirectory(Path.of(seeds)), "no shared seeds");
    List<Digest> digests;
    try (Stream<Path> files = Files.list(Path.of(seeds))) {
      digests = files.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.md"))
          .sorted().map(SearchContract::readSeed).collect(Collectors.toList());
    }
    assumeTrue(!digests.isEmpty(), "no seed days");

    PaperStore seeded = fresh().papers();
    seeded.saveAll(digests);
    int papers = 0;
    int queries = 0;
    for (Digest d : digests) {
      for (DigestEntry e : d.entries()) {
        papers++;
        List<String> terms = new ArrayList<>();
        Matcher korean = HANGUL_WORD.matcher(e.summary());
        for (int k = 0; k < 3 && korean.find(); k++) {
          String word = korean.group();
          terms.add(word);
          terms.add(word.substring(1, 3)); // two syllables from inside the word
        }
        Matcher english = ENGLISH_WORD.matcher(e.title());
        if (english.find()) {
          terms.add(english.group());
        }
        for (String term : terms) {
          queries++;
          assertThat(seeded.search(words(term), 1000)).as("search %s for %s", term, e.arxivId())
              .extracting(h -> h.paper().arxivId()).contains(e.arxivId());
        }
      }
    }
    assertThat(papers).isGreaterThan(10);
    assertThat(queries).isGreaterThan(papers);

    // one-syllable words (눈, 음, 손 …) find exactly the papers whose text has that syllable anywhere
    Set<String> ids = digests.stream().flatMap(d -> d.entries().stream()).map(DigestEntry::arxivId)
        .collect(Collectors.toSet());
    for (String syllable : List.of("눈", "음", "손", "뇌", "빛", "말")) {
      Set<String> expected = new HashSet<>();
      for (String id : ids) {
        Paper p = seeded.paper(id).orElseThrow();
        if ((p.title() + " " + p.summary() + " " + String.join(", ", p.authors())).contains(syllable)) {
          expected.add(id);
        }
      }
      assertThat(seeded.search(words(syllable), 5000)).as("search %s", syllable)
          .extracting(h -> h.paper().arxivId()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static Digest readSeed(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    LocalDate date = null;
    List<DigestEntry> entries = new ArrayList<>();
    String title = null;
    String url = null;
    StringBuilder summary = new StringBuilder();
    for (String line : lines) {
      Matcher dm = DATE.matcher(line);
      Matcher hm = HEADING.matcher(line);
      if (dm.find()) {
        date = LocalDate.parse(dm.group(1));
      } else if (hm.matches()) {
        if (title != null) {
          entries.add(seedEntry(date, entries.size() + 1, title, url, summary.toString()));
        }
        title = hm.group(1);
        url = hm.group(2);
        summary.setLength(0);
      } else if (title != null && line.startsWith("- ") || title != null && line.startsWith("  ")) {
        summary.append(line).append('\n');
      }
    }
    if (title != null) {
      entries.add(seedEntry(date, entries.size() + 1, title, url, summary.toString()));
    }
    return new Digest(date, entries, file.toString());
  }

  private static DigestEntry seedEntry(LocalDate date, int rank, String title, String url, String summary) {
    String id = ArxivId.parse(url).orElseThrow(() -> new IllegalStateException("no arXiv id in " + url));
    return new DigestEntry(date, rank, id, title, url, Optional.empty(), List.of(), Optional.empty(), summary);
  }
}
