package io.paperboy.store.query;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Optional;

/** A parsed query: a small boolean tree over terms and regular expressions. */
public sealed interface Query {

  /**
   * A word or quoted phrase: matches when its tokens occur consecutively in a field's tokens, the
   * last as a prefix when {@link #lastIsPrefix()}
   * (Hangul inside words, Latin words whole or as simple plurals; see {@code SearchTokens}).
   *
   * @param text   the term as typed (without quotes)
   * @param field  the field it is limited to, if any
   * @param tokens its search tokens, never empty
   */
  record Term(String text, Optional<Field> field, List<String> tokens) implements Query {
    public Term {
      tokens = List.copyOf(tokens);
    }

    /**
     * Whether the last token matches as a prefix of the index tokens (a term ending in one Hangul
     * syllable: {@code 눈} finds {@code 눈에}); see {@link io.paperboy.store.search.SearchTokens#lastIsPrefix}.
     */
    public boolean lastIsPrefix() {
      return io.paperboy.store.search.SearchTokens.lastIsPrefix(tokens);
    }
  }

  /**
   * A regular expression, case-insensitive, evaluated with RE2/J on the field's raw text.
   *
   * @param source  the pattern as typed
   * @param field   the field it is limited to, if any
   * @param pattern the compiled pattern
   */
  record Regex(String source, Optional<Field> field, Pattern pattern) implements Query {}

  /** Every part must match. */
  record And(List<Query> parts) implements Query {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** At least one part must match. */
  record Or(List<Query> parts) implements Query {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  /** The part must not match. */
  record Not(Query part) implements Query {}
}
