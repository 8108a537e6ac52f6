package io.paperboy.store.sqlite.search;

import io.paperboy.store.query.Query;
import io.paperboy.store.query.QuerySearch;
import java.util.ArrayList;
import java.util.List;

/**
 * An indexable query ({@link QuerySearch#indexable}: terms, AND, OR) as an FTS5 expression over
 * {@link SearchIndex}'s columns. Every term becomes a quoted phrase of its search tokens (with a
 * column filter for a field prefix), so no user input can produce FTS5 syntax: quotes, operators,
 * {@code NEAR(}, {@code *}, {@code a:b} and {@code '; DROP TABLE} are all just text.
 */
public final class FtsTranslation {

  private FtsTranslation() {}

  /**
   * @throws IllegalArgumentException for a query with exclusions or regular expressions, which
   *     {@link QuerySearch} checks itself instead of asking the index
   */
  public static String expression(Query indexable) {
    if (indexable instanceof Query.Term t) {
      // a term ending in one syllable matches it as a token prefix: "눈" * finds 눈에 and 첫눈's 눈
      String phrase = quote(String.join(" ", t.tokens())) + (t.lastIsPrefix() ? " *" : "");
      return t.field().map(f -> "{" + f.column() + "} : " + phrase).orElse(phrase);
    }
    if (indexable instanceof Query.And a) {
      return join(a.parts(), " AND ");
    }
    if (indexable instanceof Query.Or o) {
      return join(o.parts(), " OR ");
    }
    throw new IllegalArgumentException("the index cannot evaluate " + indexable + "; see QuerySearch.indexable");
  }

  /** {@code text} as an FTS5 string: in double quotes, inner quotes doubled. */
  static String quote(String text) {
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  private static String join(List<Query> parts, String op) {
    List<String> out = new ArrayList<>(parts.size());
    for (Query p : parts) {
      out.add(expression(p));
    }
    return out.size() == 1 ? out.get(0) : "(" + String.join(op, out) + ")";
  }
}
