package io.paperboy.store.query;

import java.util.Objects;
import java.util.Optional;

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

  public SearchInput {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(readAsPlainWords, "readAsPlainWords");
  }

  /** The query language if {@code text} parses, else its plain words. */
  public static SearchInput parse(String text) {
    try {
      return new SearchInput(Optional.of(QueryParser.parse(text)), Optional.empty());
    } catch (QuerySyntaxException e) {
      return new SearchInput(QueryParser.plainWords(text), Optional.of(e));
    }
  }
}
