package io.paperboy.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SearchTokens: Hangul bigrams, singular words")
class SearchTokensTest {

  @Test
  @DisplayName("a Hangul run becomes overlapping two-syllable grams and its last syllable; a single syllable stays itself")
  void hangulGrams() {
    assertThat(SearchTokens.tokens("확산모델을")).containsExactly("확산", "산모", "모델", "델을", "을");
    assertThat(SearchTokens.tokens("모델")).containsExactly("모델", "델");
    assertThat(SearchTokens.tokens("이 모델")).containsExactly("이", "모델", "델");
    assertThat(SearchTokens.tokens("한국어 NLP")).containsExactly("한국", "국어", "어", "nlp");
  }

  @Test
  @DisplayName("a query term drops its final run's last syllable; a term ending in one syllable matches it as a prefix")
  void queryTokens() {
    assertThat(SearchTokens.queryTokens("확산모델을")).containsExactly("확산", "산모", "모델", "델을");
    assertThat(SearchTokens.queryTokens("모델")).containsExactly("모델");
    assertThat(SearchTokens.queryTokens("모델diffusion")).containsExactly("모델", "델", "diffusion");
    assertThat(SearchTokens.queryTokens("눈")).containsExactly("눈");
    assertThat(SearchTokens.queryTokens("LLM은")).containsExactly("llm", "은");
    assertThat(SearchTokens.lastIsPrefix(SearchTokens.queryTokens("눈"))).isTrue();
    assertThat(SearchTokens.lastIsPrefix(SearchTokens.queryTokens("LLM은"))).isTrue();
    assertThat(SearchTokens.lastIsPrefix(SearchTokens.queryTokens("学"))).isTrue();
    assertThat(SearchTokens.lastIsPrefix(SearchTokens.queryTokens("모델"))).isFalse();
    assertThat(SearchTokens.lastIsPrefix(SearchTokens.queryTokens("a"))).isFalse();
    assertThat(SearchTokens.lastIsPrefix(SearchTokens.queryTokens("눈 model"))).isFalse();
    assertThat(SearchTokens.lastIsPrefix(List.of())).isFalse();
  }

  @Test
  @DisplayName("Hangul next to Latin letters splits into a word and a run: LLM은 → llm, 은")
  void mixedScripts() {
    assertThat(SearchTokens.tokens("LLM은")).containsExactly("llm", "은");
    assertThat(SearchTokens.tokens("GPT-4o의 성능")).containsExactly("gpt", "4o", "의", "성능", "능");
    assertThat(SearchTokens.tokens("深度学習")).containsExactly("深度", "度学", "学習", "習");
  }

  @Test
  @DisplayName("words are lower-cased and singular; punctuation only separates")
  void words() {
    assertThat(SearchTokens.tokens("LLMs, LLMOps & Models: classes' analysis (GPUs)!"))
        .containsExactly("llm", "llmop", "model", "class", "analysis", "gpu");
    assertThat(SearchTokens.tokens("C++ 3.5 don't a:b -foo")).containsExactly("c", "3", "5", "don", "t", "a", "b", "foo");
    assertThat(SearchTokens.tokens("\t\n \"*()'; --")).isEmpty();
  }

  @Test
  @DisplayName("NFKC first: full-width letters and decomposed Hangul tokenize like their usual forms")
  void normalises() {
    assertThat(SearchTokens.tokens("ＬＬＭｓ")).containsExactly("llm");
    assertThat(SearchTokens.tokens(Normalizer.normalize("확산모델", Normalizer.Form.NFD)))
        .containsExactly("확산", "산모", "모델", "델");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "llms, llm", "models, model", "gpus, gpu", "classes, class", "class, class", "process, process",
      "processes, process", "boxes, box", "approaches, approach", "meshes, mesh", "studies, study",
      "policies, policy", "analysis, analysis", "corpus, corpus", "uses, use", "cases, case", "gas, gas",
      "its, its", "tpus, tpu", "status, status", "thus, thu", "llmops, llmop", "lies, lie", "attention, attention"})
  @DisplayName("singular: simple English plurals, applied alike to text and queries")
  void singular(String word, String expected) {
    assertThat(SearchTokens.singular(word)).isEqualTo(expected);
  }

  @Test
  @DisplayName("singular leaves words with digits or non-ASCII letters alone")
  void singularOnlyAsciiWords() {
    assertThat(SearchTokens.singular("2000s")).isEqualTo("2000s");
    assertThat(SearchTokens.singular("résumés")).isEqualTo("résumés");
  }
}
