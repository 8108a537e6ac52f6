package io.paperboy.store.sqlite.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryParser;
import io.paperboy.store.query.SearchInput;
import io.paperboy.store.query.QuerySearch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FtsTranslation: the indexable part of a query as safe FTS5 text")
class FtsTranslationTest {

  private static String candidates(String query) {
    return FtsTranslation.expression(QuerySearch.indexable(QueryParser.parse(query)).orElseThrow());
  }

  private static String words(String text) {
    return FtsTranslation.expression(SearchInput.plainWords(text).orElseThrow());
  }

  @Test
  @DisplayName("the query language narrows to a superset and is always safe FTS5 text")
  void queryLanguage() {
    assertThat(candidates("확산모델 LLMs")).isEqualTo("(\"확산 산모 모델\" AND \"llm\")");
    assertThat(candidates("title:diffusion -video")).isEqualTo("{title} : \"diffusion\"");
    assertThat(QuerySearch.indexable(QueryParser.parse("a OR /b/"))).isEmpty();
    assertThat(candidates("don't \"NEAR(\" AND x")).isEqualTo("(\"don t\" AND \"near\" AND \"x\")");
    assertThat(candidates("author:(qiao OR \"lin chen\") 확산")).isEqualTo(
        "(({authors} : \"qiao\" OR {authors} : \"lin chen\") AND \"확산\")");
  }

  @Test
  @DisplayName("a plain word becomes one quoted phrase of its tokens")
  void phrase() {
    assertThat(words("확산모델")).isEqualTo("\"확산 산모 모델\"");
    assertThat(words("LLMs")).isEqualTo("\"llm\"");
    assertThat(words("don't")).isEqualTo("\"don t\"");
    assertThat(SearchInput.plainWords("--")).isEmpty();
  }

  @Test
  @DisplayName("plain words become an AND of phrases; operators are words, punctuation-only terms drop out")
  void allOf() {
    assertThat(words("확산 LLM")).isEqualTo("(\"확산\" AND \"llm\")");
    assertThat(words("AND OR NOT NEAR(")).isEqualTo("(\"and\" AND \"or\" AND \"not\" AND \"near\")");
    assertThat(words("'; DROP TABLE paper; --")).isEqualTo("(\"drop\" AND \"table\" AND \"paper\")");
    assertThat(words("title:모델 -gan")).isEqualTo("(\"title 모델\" AND \"gan\")");
  }

  @Test
  @DisplayName("quote doubles inner quotes")
  void quote() {
    assertThat(FtsTranslation.quote("a\"b")).isEqualTo("\"a\"\"b\"");
  }

  @Test
  @DisplayName("what the index cannot evaluate is refused, never half translated")
  void refusesExclusionsAndRegexes() {
    Query notIndexable = QueryParser.parse("a -b");
    assertThatThrownBy(() -> FtsTranslation.expression(notIndexable)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FtsTranslation.expression(QueryParser.parse("/x/")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
