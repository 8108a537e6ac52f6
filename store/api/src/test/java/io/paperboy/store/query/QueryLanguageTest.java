package io.paperboy.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The query language: parsing, matching, explaining, its indexable part, /search input")
class QueryLanguageTest {

  private static final MatchableText DIFFUSION = new MatchableText(
      "Scaling Diffusion Transformers with an [IDK] Token",
      List.of("Yu Qiao", "Lin Chen"),
      "- 확산모델을 이용한 비디오 생성 방법을 제안합니다.\n- LLMs are used as planners; C++ kernels.");

  private static final MatchableText OPS = new MatchableText(
      "LLMOps in practice", List.of("Ana Kim"), "- 모델 배포 자동화");

  private static boolean m(String query, MatchableText text) {
    return QueryMatcher.matches(QueryParser.parse(query), text);
  }

  @Test
  @DisplayName("alerts and filters use the search rule for one syllable: it matches inside words, anywhere in them")
  void oneSyllable() {
    MatchableText eye = new MatchableText("첫눈 데이터", List.of(), "- 사람의 눈에 보이는 음성");
    assertThat(m("눈", eye)).isTrue();
    assertThat(m("title:눈", eye)).as("at a word's end: 첫눈").isTrue();
    assertThat(m("summary:눈", eye)).as("at a word's start: 눈에").isTrue();
    assertThat(m("음", eye)).isTrue();
    assertThat(m("손", eye)).isFalse();
    assertThat(m("title:음", eye)).isFalse();
    assertThat(m("\"사람의 눈\"", eye)).as("a phrase ending in one syllable").isTrue();
    assertThat(m("\"사람의 손\"", eye)).isFalse();
    assertThat(m("눈에", eye)).isTrue();
    assertThat(m("첫눈에", eye)).isFalse();
    assertThat(QueryMatcher.explain(QueryParser.parse("눈"), eye)).hasValueSatisfying(hits ->
        assertThat(hits).extracting(QueryMatcher.Hit::field).containsExactly(Field.TITLE, Field.SUMMARY));
  }

  @Test
  @DisplayName("words must all match; Hangul matches inside words; Latin matches words and plurals, not prefixes")
  void words() {
    assertThat(m("확산 비디오", DIFFUSION)).isTrue();
    assertThat(m("모델", DIFFUSION)).as("inside the compound 확산모델을").isTrue();
    assertThat(m("LLM", DIFFUSION)).as("LLM finds LLMs").isTrue();
    assertThat(m("llm", OPS)).as("LLM does not find LLMOps").isFalse();
    assertThat(m("transformer", DIFFUSION)).isTrue();
    assertThat(m("확산 배포", DIFFUSION)).isFalse();
    assertThat(m("c++", DIFFUSION)).isTrue();
  }

  @Test
  @DisplayName("phrases, OR, exclusions, parentheses and precedence")
  void operators() {
    assertThat(m("\"diffusion transformers\"", DIFFUSION)).isTrue();
    assertThat(m("\"transformers diffusion\"", DIFFUSION)).isFalse();
    assertThat(m("배포 OR 비디오", OPS)).isTrue();
    assertThat(m("diffusion -video", DIFFUSION)).isTrue();
    assertThat(m("diffusion -비디오", DIFFUSION)).isFalse();
    assertThat(m("diffusion NOT 비디오", DIFFUSION)).isFalse();
    assertThat(m("(배포 OR 비디오) -llmops", OPS)).isFalse();
    // implicit AND binds tighter than OR: (zzz diffusion) OR kim
    assertThat(m("zzz diffusion OR kim", OPS)).isTrue();
    assertThat(m("zzz (diffusion OR kim)", OPS)).isFalse();
    assertThat(m("diffusion AND token", DIFFUSION)).isTrue();
    assertThat(m("diffusion or", DIFFUSION)).as("lower-case or is a word").isFalse();
  }

  @Test
  @DisplayName("field prefixes limit a term, a phrase, a regex or a group to one field")
  void fields() {
    assertThat(m("title:diffusion", DIFFUSION)).isTrue();
    assertThat(m("summary:diffusion", DIFFUSION)).isFalse();
    assertThat(m("author:qiao", DIFFUSION)).isTrue();
    assertThat(m("authors:\"lin chen\"", DIFFUSION)).isTrue();
    assertThat(m("title:(idk OR 확산)", DIFFUSION)).isTrue();
    assertThat(m("title:/diffusion\\s+trans/", DIFFUSION)).isTrue();
    assertThat(m("summary:/diffusion/", DIFFUSION)).isFalse();
    assertThat(m("a:b", DIFFUSION)).as("an unknown prefix is part of the word").isFalse();
  }

  @Test
  @DisplayName("regular expressions are case-insensitive and a pathological one answers at once (RE2/J)")
  void regex() {
    assertThat(m("/\\[idk\\]/", DIFFUSION)).isTrue();
    assertThat(m("/gpt-?4/", DIFFUSION)).isFalse();
    MatchableText evil = new MatchableText("a".repeat(5000) + "!", List.of(), "");
    // (a+)+$ backtracks exponentially in java.util.regex; RE2/J is linear
    assertThat(m("/(a+)+b$/", evil)).isFalse();
  }

  @Test
  @DisplayName("explain says which term hit which field; exclusions explain nothing")
  void explain() {
    Optional<List<QueryMatcher.Hit>> hits = QueryMatcher.explain(QueryParser.parse("diffusion 모델 -zzz"), DIFFUSION);
    assertThat(hits).hasValue(List.of(
        new QueryMatcher.Hit("diffusion", Field.TITLE), new QueryMatcher.Hit("모델", Field.SUMMARY)));
    assertThat(QueryMatcher.explain(QueryParser.parse("zzz"), DIFFUSION)).isEmpty();
  }

  @Test
  @DisplayName("malformed queries are refused with the position of the problem")
  void errors() {
    assertError("(diffusion", 0, "'(' is never closed");
    assertError("diffusion)", 9, "')' without a matching '('");
    assertError("\"open phrase", 0, "the quote is never closed");
    assertError("OR diffusion", 0, "OR needs a term on its left");
    assertError("diffusion OR", 10, "OR needs a term on its right");
    assertError("-diffusion", 0, "not only exclusions");
    assertError("/[a-/", 1, "bad regular expression");
    assertError("/unclosed", 0, "never closed with '/'");
    assertError("title: x", 5, "needs a term right after");
    assertError("+++", 0, "no letters or digits");
    assertError("   ", 0, "the query is empty");
    assertError("()", 0, "empty parentheses");
    assertError("x".repeat(301), 300, "longer than 300");
  }

  @Test
  @DisplayName("the indexable part narrows to a superset: terms keep their fields, exclusions and regexes drop out")
  void indexable() {
    assertThat(QuerySearch.indexable(QueryParser.parse("확산모델 LLMs"))).hasValue(new Query.And(List.of(
        new Query.Term("확산모델", Optional.empty(), List.of("확산", "산모", "모델")),
        new Query.Term("LLMs", Optional.empty(), List.of("llm")))));
    assertThat(QuerySearch.indexable(QueryParser.parse("title:diffusion -video")))
        .hasValue(new Query.Term("diffusion", Optional.of(Field.TITLE), List.of("diffusion")));
    assertThat(QuerySearch.indexable(QueryParser.parse("a OR /b/"))).isEmpty();
    assertThat(QuerySearch.indexable(QueryParser.parse("/b/ -c"))).isEmpty();
    assertThat(QuerySearch.indexable(QueryParser.parse("(a OR b) /c/"))).hasValue(new Query.Or(List.of(
        new Query.Term("a", Optional.empty(), List.of("a")), new Query.Term("b", Optional.empty(), List.of("b")))));
    assertThat(QuerySearch.exact(QueryParser.parse("a (b OR c)"))).isTrue();
    assertThat(QuerySearch.exact(QueryParser.parse("a -b"))).isFalse();
    assertThat(QuerySearch.exact(QueryParser.parse("a OR /b/"))).isFalse();
  }

  @Test
  @DisplayName("plain words: every term with letters or digits must match; operators and quotes are only text")
  void plainWords() {
    assertThat(SearchInput.plainWords("확산 LLM")).hasValue(new Query.And(List.of(
        new Query.Term("확산", Optional.empty(), List.of("확산")), new Query.Term("LLM", Optional.empty(), List.of("llm")))));
    assertThat(SearchInput.plainWords("AND OR NOT NEAR(")).hasValueSatisfying(q -> assertThat(((Query.And) q).parts())
        .extracting(p -> ((Query.Term) p).tokens()).containsExactly(List.of("and"), List.of("or"), List.of("not"),
            List.of("near")));
    assertThat(SearchInput.plainWords("title:모델 -gan")).hasValueSatisfying(q -> assertThat(((Query.And) q).parts())
        .extracting(p -> ((Query.Term) p).tokens()).containsExactly(List.of("title", "모델"), List.of("gan")));
    assertThat(SearchInput.plainWords("'; DROP TABLE paper; --")).hasValueSatisfying(q ->
        assertThat(((Query.And) q).parts()).hasSize(3));
    assertThat(SearchInput.plainWords("don't")).hasValue(new Query.Term("don't", Optional.empty(), List.of("don", "t")));
    // an ideographic space separates terms like an ASCII one
    assertThat(SearchInput.plainWords("확산\u3000모델")).hasValueSatisfying(q -> assertThat(q).isInstanceOf(Query.And.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n", "\"", "*", "()", "--", "'; --", "!!! ???"})
  @DisplayName("empty and punctuation-only input has no plain words, and /search finds nothing to look for")
  void nothingToLookFor(String input) {
    assertThat(SearchInput.plainWords(input)).isEmpty();
    assertThat(SearchInput.parse(input).query()).isEmpty();
  }

  @Test
  @DisplayName("/search input: the language when it parses, plain words (and why) when it does not")
  void searchInput() {
    SearchInput valid = SearchInput.parse("diffusion -video");
    assertThat(valid.query()).isPresent().get().isInstanceOf(Query.And.class);
    assertThat(valid.readAsPlainWords()).isEmpty();
    SearchInput broken = SearchInput.parse("C++ \"unclosed");
    assertThat(broken.readAsPlainWords()).hasValueSatisfying(e -> assertThat(e.reason()).contains("never closed"));
    assertThat(broken.query()).isEqualTo(SearchInput.plainWords("C++ \"unclosed"));
    assertThat(SearchInput.parse("x".repeat(301)).readAsPlainWords()).isPresent();
  }

  private static void assertError(String query, int position, String reason) {
    assertThatThrownBy(() -> QueryParser.parse(query))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((QuerySyntaxException) e).position()).isEqualTo(position));
  }
}
