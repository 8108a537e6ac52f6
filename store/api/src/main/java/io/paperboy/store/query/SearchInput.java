package io.paperboy.store.query;

import io.paperboy.store.search.SearchTokens;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code /search} makes of what a user typed. A search box forgives: input in the query
 * language is that query; input that is not valid syntax ({@code C++ "unclosed}, {@code NOT},
 * a query longer than {@link QueryParser#MAX_LENGTH}) is searched as plain words, and the syntax
 * error is kept so the answer can say so. ({@code /alert} does not forgive: a saved query must mean
 * what it says.)
 *
 * @param query            what to search for; empty when the input has no letters or digits at all
 * @param readAsPlainWords why the input was read as plain words, when it was
 */
public record SearchInput(Optional<Query> query, Optional<QuerySyntaxException> readAsPlainWords) {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  public SearchInput {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(readAsPlainWords, "readAsPlainWords");
  }

  /** The query language if {@code text} parses, else its plain words. */
  public static SearchInput parse(String text) {
    try {
      return new SearchInput(Optional.of(QueryParser.parse(text)), Optional.empty());
    } catch (QuerySyntaxException e) {
      return new SearchInput(plainWords(text), Optional.of(e));
    }
  }

  /**
   * {@code text} as plain words, whatever it holds: every whitespace-separated term with letters
   * or digits must match (as a phrase of its tokens, in any field); quotes, operators and
   * punctuation are only text. No length limit. Empty when no term has letters or digits.
   */
  public static Optional<Query> plainWords(String text) {
    List<Query> terms = new ArrayList<>();
    // NFKC first, so that an ideographic space separates terms as an ASCII one does
    for (String word : WHITESPACE.split(Normalizer.normalize(text, Normalizer.Form.NFKC))) {
      List<String> tokens = SearchTokens.queryTokens(word);
      if (!tokens.isEmpty()) {
        terms.add(new Query.Term(word, Optional.empty(), tokens));
      }
    }
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(terms.size() == 1 ? terms.get(0) : new Query.And(terms));
  }
}
