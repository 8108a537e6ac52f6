package io.paperboy.store.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperText;
import io.paperboy.store.SyntheticDigests;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SimilarityIndex: TF-IDF neighbours over the search tokens, the index agreeing with brute force")
class SimilarityIndexTest {

  private static PaperText paper(String id, String title, String summary) {
    return new PaperText(id, title, summary, Optional.empty());
  }

  private static final List<PaperText> HANDMADE = List.of(
      paper("k.video", "비디오 확산모델로 영상 생성", "- 확산모델을 이용해 긴 비디오를 생성한다. 시간 일관성을 높였다."),
      paper("k.video2", "긴 비디오 생성을 위한 확산", "- 비디오 확산모델의 시간 일관성 문제를 다룬다."),
      paper("e.lora", "LoRA adapters for LLMs", "- Low-rank adapters make fine-tuning LLMs cheap."),
      paper("e.lora2", "Quantized LoRA", "- QLoRA fine-tunes quantized LLMs with low-rank adapters."),
      paper("x.other", "Protein folding", "- 단백질 구조를 예측한다."),
      paper("x.lonely", "Sheep herding", "- Dogs and sheep."));

  @Test
  @DisplayName("Korean papers find Korean neighbours and English ones English, with the shared terms")
  void neighbours() {
    SimilarityIndex index = SimilarityIndex.of(HANDMADE);

    List<SimilarityIndex.Match> video = index.similar("k.video", 3).orElseThrow();
    assertThat(video).first().extracting(SimilarityIndex.Match::arxivId).isEqualTo("k.video2");
    assertThat(video.get(0).sharedTerms()).contains("비디", "확산", "일관");
    assertThat(video.get(0).score()).isBetween(0.0, 1.0001);

    List<SimilarityIndex.Match> lora = index.similar("e.lora", 3).orElseThrow();
    assertThat(lora).first().extracting(SimilarityIndex.Match::arxivId).isEqualTo("e.lora2");
    // the plural LLMs and the singular share one token, as the search makes them
    assertThat(lora.get(0).sharedTerms()).contains("lora", "llm", "adapter");
  }

  @Test
  @DisplayName("only papers sharing a term are listed; unknown ids answer empty; the paper itself never")
  void edges() {
    SimilarityIndex index = SimilarityIndex.of(HANDMADE);

    assertThat(index.similar("x.lonely", 5)).contains(List.of());
    assertThat(index.similar("nope", 5)).isEmpty();
    assertThat(index.similar("k.video", 0)).contains(List.of());
    assertThat(index.similar("k.video", 10).orElseThrow()).extracting(SimilarityIndex.Match::arxivId)
        .doesNotContain("k.video", "x.lonely");
    assertThat(SimilarityIndex.of(List.of()).size()).isZero();
    assertThatThrownBy(() -> SimilarityIndex.of(List.of(HANDMADE.get(0), HANDMADE.get(0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k.video");
  }

  @Test
  @DisplayName("the inverted index answers exactly what comparing with every paper answers")
  void indexEqualsBruteForce() {
    // GIVEN 1,500 synthetic papers (Zipf-distributed Korean and English words)
    List<PaperText> texts = new ArrayList<>();
    for (Digest d : SyntheticDigests.days(LocalDate.of(2024, 1, 1), 50, 30, 7)) {
      for (DigestEntry e : d.entries()) {
        texts.add(new PaperText(e.arxivId(), e.title(), e.summary(), e.votes()));
      }
    }
    SimilarityIndex index = SimilarityIndex.of(texts);

    // WHEN every 37th paper is looked up both ways THEN the same papers, scores and reasons
    for (int i = 0; i < texts.size(); i += 37) {
      String id = texts.get(i).arxivId();
      List<SimilarityIndex.Match> fast = index.similar(id, 10).orElseThrow();
      assertThat(fast).hasSize(10).isEqualTo(index.bruteForce(id, 10).orElseThrow());
      assertThat(fast).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }
  }

  @Test
  @DisplayName("related papers (the bounded lookup a card uses) are scored and ordered as /similar scores them, mostly its own top")
  void relatedIsBoundedSimilar() {
    // GIVEN 1,500 synthetic papers: more than IMPACT_POSTINGS share most terms, so lists are cut
    List<PaperText> texts = new ArrayList<>();
    for (Digest d : SyntheticDigests.days(LocalDate.of(2024, 1, 1), 50, 30, 7)) {
      for (DigestEntry e : d.entries()) {
        texts.add(new PaperText(e.arxivId(), e.title(), e.summary(), e.votes()));
      }
    }
    SimilarityIndex index = SimilarityIndex.of(texts);
    int agreeing = 0;
    int compared = 0;
    for (int i = 0; i < texts.size(); i += 37) {
      String id = texts.get(i).arxivId();
      List<SimilarityIndex.Match> related = index.related(id, 3).orElseThrow();
      // THEN each is a real match with /similar's exact score, best first, never the paper itself
      assertThat(related).hasSize(3).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
      List<SimilarityIndex.Match> all = index.bruteForce(id, texts.size()).orElseThrow();
      for (SimilarityIndex.Match m : related) {
        assertThat(m.arxivId()).isNotEqualTo(id);
        assertThat(all).contains(m);
      }
      List<String> top = index.similar(id, 3).orElseThrow().stream().map(SimilarityIndex.Match::arxivId).toList();
      agreeing += (int) related.stream().filter(m -> top.contains(m.arxivId())).count();
      compared += 3;
    }
    // AND the cut lists find most of /similar's own top three
    assertThat(agreeing).isGreaterThanOrEqualTo(compared * 2 / 3);
    // AND on a small index (no list cut) the card's three are /similar's three
    SimilarityIndex small = SimilarityIndex.of(HANDMADE);
    assertThat(small.related("k.video", 3)).isEqualTo(small.similar("k.video", 3));
    assertThat(small.related("nope", 3)).isEmpty();
  }

  @Test
  @DisplayName("ties go to more votes, then the smaller id, so answers are reproducible")
  void ties() {
    List<PaperText> texts = List.of(
        paper("q", "diffusion video", "x"),
        new PaperText("b", "diffusion video", "x", Optional.of(1)),
        new PaperText("a", "diffusion video", "x", Optional.of(1)),
        new PaperText("c", "diffusion video", "x", Optional.of(9)),
        paper("z", "unrelated words", "y"));

    assertThat(SimilarityIndex.of(texts).similar("q", 3).orElseThrow()).extracting(SimilarityIndex.Match::arxivId)
        .containsExactly("c", "a", "b");
  }

  @Test
  @DisplayName("reasons show the paper's own words, not half-syllable grams, without duplicates")
  void reasonWords() {
    Paper p = new Paper("k.video2", "긴 비디오 생성을 위한 확산", "u", Optional.empty(), List.of(), Optional.empty(),
        "- **비디오** 확산모델의 시간 일관성 문제를 다룬다. LLMs,", List.of());

    assertThat(SimilarPapers.words(p, List.of("비디", "디오", "확산", "llm", "일관")))
        .containsExactly("비디오", "확산", "LLMs");
    assertThat(SimilarPapers.words(p, List.of("llm", "비디", "디오"))).containsExactly("LLMs", "비디오");
  }

  @Test
  @DisplayName("reasons found through the shared word cache are the words the plain split and tokenise found")
  void reasonWordsAsBeforeTheCache() {
    // GIVEN synthetic papers, and hostile texts: tabs, a vertical tab, NBSP, full-width letters, markdown, leading spaces
    List<Paper> papers = new ArrayList<>();
    for (Digest d : SyntheticDigests.days(LocalDate.of(2024, 1, 1), 10, 30, 11)) {
      for (DigestEntry e : d.entries()) {
        papers.add(new Paper(e.arxivId(), e.title(), "u", Optional.empty(), List.of(), Optional.empty(), e.summary(), List.of()));
      }
    }
    papers.add(new Paper("h.1", "  **LoRA**,\tLLMs\u000Bdiffusion", "u", Optional.empty(), List.of(), Optional.empty(),
        "\n- ＬｏＲＡ와 LLM\u00A0모델을 (확산모델) 비디오를... 비디오에 studies study", List.of()));
    java.util.Random random = new java.util.Random(5);
    java.util.Map<String, List<String>> cache = new java.util.concurrent.ConcurrentHashMap<>();
    int named = 0;
    for (int round = 0; round < 2; round++) {
      for (Paper p : papers) {
        // WHEN asked for tokens the paper has (and one it has not), in a random order
        List<String> tokens = new ArrayList<>(new java.util.LinkedHashSet<>(
            io.paperboy.store.search.SearchTokens.tokens(p.title() + " " + p.summary())));
        java.util.Collections.shuffle(tokens, random);
        tokens = new ArrayList<>(tokens.subList(0, Math.min(8, tokens.size())));
        tokens.add(random.nextInt(tokens.size() + 1), "absent");
        List<String> words = SimilarPapers.words(p, tokens, cache);
        // THEN the same words as splitting and tokenising the whole text each time
        assertThat(words).as(p.arxivId() + " " + tokens).isEqualTo(splitAndTokenise(p, tokens));
        named += words.size();
      }
    }
    assertThat(named).isGreaterThan(papers.size() * 2 * 2);
    assertThat(cache).isNotEmpty();
  }

  /** The reasons' words as they were found before the cache: split at whitespace, every word tokenised. */
  private static List<String> splitAndTokenise(Paper paper, List<String> tokens) {
    java.util.Set<String> wanted = java.util.Set.copyOf(tokens);
    java.util.Map<String, String> shortest = new java.util.HashMap<>();
    for (String w : (paper.title() + " " + paper.summary()).split("\\s+")) {
      String word = w.replaceAll("^[^\\p{L}\\p{Nd}]+|[^\\p{L}\\p{Nd}]+$", "");
      for (String token : io.paperboy.store.search.SearchTokens.tokens(word)) {
        if (wanted.contains(token)) {
          shortest.merge(token, word, (a, b) -> b.length() < a.length() ? b : a);
        }
      }
    }
    List<String> out = new ArrayList<>();
    java.util.Set<String> covered = new java.util.HashSet<>();
    for (String token : tokens) {
      if (out.size() == SimilarPapers.REASON_WORDS) {
        break;
      }
      String word = shortest.getOrDefault(token, token);
      List<String> its = io.paperboy.store.search.SearchTokens.tokens(word);
      if (its.stream().noneMatch(covered::contains)) {
        out.add(word);
        covered.addAll(its);
      }
    }
    return out;
  }
}
