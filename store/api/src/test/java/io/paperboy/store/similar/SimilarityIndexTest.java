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
}
