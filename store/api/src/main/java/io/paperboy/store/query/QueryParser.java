package io.paperboy.store.query;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.paperboy.store.search.SearchTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the query language. Grammar (upper-case {@code OR}, {@code AND}, {@code NOT} are
 * operators; lower-case ones are words):
 *
 * <pre>
 * query   := or EOF
 * or      := and ("OR" and)*
 * and     := unary (["AND"] unary)*
 * unary   := ("-" | "NOT") unary | primary
 * primary := [field ":"] ( "(" or ")" | '"' phrase '"' | "/" regex "/" | word )
 * </pre>
 *
 * Implicit AND binds tighter than OR, as in FTS5 and most search engines:
 * {@code a b OR c} means {@code (a b) OR c}. A query needs at least one positive term.
 */
public final class QueryParser {

  /** Longest query accepted; alerts and search both store or echo it. */
  public static final int MAX_LENGTH = 300;
  /** Longest regular expression accepted (RE2/J is linear in the text, but the program grows). */
  public static final int MAX_REGEX = 100;
  private static final int MAX_DEPTH = 20;

  private final String query;
  private int pos;
  private int depth;

  private QueryParser(String query) {
    this.query = query;
  }

  /**
   * @throws QuerySyntaxException saying what is wrong and where
   */
  public static Query parse(String query) {
    if (query.length() > MAX_LENGTH) {
      throw new QuerySyntaxException(query, MAX_LENGTH, "the query is longer than " + MAX_LENGTH + " characters");
    }
    QueryParser p = new QueryParser(query);
    p.skipSpace();
    if (p.atEnd()) {
      throw new QuerySyntaxException(query, 0, "the query is empty");
    }
    Query q = p.or();
    p.skipSpace();
    if (!p.atEnd()) {
      throw new QuerySyntaxException(query, p.pos, p.peek() == ')' ? "')' without a matching '('" : "unexpected text");
    }
    if (!hasPositive(q, false)) {
      throw new QuerySyntaxException(query, 0, "a query needs at least one word to look for, not only exclusions");
    }
    return q;
  }

  private Query or() {
    List<Query> parts = new ArrayList<>();
    parts.add(and());
    while (keyword("OR")) {
      int at = pos;
      pos += 2;
      skipSpace();
      if (atEnd() || peek() == ')' || isKeywordAt("OR")) {
        throw new QuerySyntaxException(query, at, "OR needs a term on its right");
      }
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Query.Or(parts);
  }

  private Query and() {
    List<Query> parts = new ArrayList<>();
    skipSpace();
    if (keyword("OR") || keyword("AND")) {
      throw new QuerySyntaxException(query, pos, query.substring(pos, pos + (keyword("OR") ? 2 : 3))
          + " needs a term on its left");
    }
    parts.add(unary());
    while (true) {
      skipSpace();
      if (atEnd() || peek() == ')' || keyword("OR")) {
        break;
      }
      if (keyword("AND")) {
        int at = pos;
        pos += 3;
        skipSpace();
        if (atEnd() || peek() == ')' || keyword("OR") || keyword("AND")) {
          throw new QuerySyntaxException(query, at, "AND needs a term on its right");
        }
      }
      parts.add(unary());
    }
    return parts.size() == 1 ? parts.get(0) : new Query.And(parts);
  }

  private Query unary() {
    skipSpace();
    int at = pos;
    boolean negate = false;
    if (peek() == '-' && pos + 1 < query.length() && !Character.isWhitespace(query.charAt(pos + 1))) {
      pos++;
      negate = true;
    } else if (keyword("NOT")) {
      pos += 3;
      skipSpace();
      negate = true;
    }
    if (negate) {
      if (atEnd() || peek() == ')') {
        throw new QuerySyntaxException(query, at, "nothing to exclude after " + (query.charAt(at) == '-' ? "'-'" : "NOT"));
      }
      return new Query.Not(unary());
    }
    return primary();
  }

  private Query primary() {
    skipSpace();
    Optional<Field> field = fieldPrefix();
    if (atEnd()) {
      throw new QuerySyntaxException(query, pos, "a field prefix needs a term after it");
    }
    char c = peek();
    if (c == '(') {
      int open = pos++;
      if (++depth > MAX_DEPTH) {
        throw new QuerySyntaxException(query, open, "parentheses nested deeper than " + MAX_DEPTH);
      }
      skipSpace();
      if (peek() == ')') {
        throw new QuerySyntaxException(query, open, "empty parentheses");
      }
      Query inner = or();
      skipSpace();
      if (atEnd() || peek() != ')') {
        throw new QuerySyntaxException(query, open, "'(' is never closed");
      }
      pos++;
      depth--;
      return field.map(f -> restrict(inner, f)).orElse(inner);
    }
    if (c == '"' || c == '“') {
      int open = pos;
      char close = c == '“' ? '”' : '"';
      int end = query.indexOf(close, pos + 1);
      if (end < 0) {
        throw new QuerySyntaxException(query, open, "the quote is never closed");
      }
      String text = query.substring(pos + 1, end);
      pos = end + 1;
      return term(text, field, open);
    }
    if (c == '/') {
      return regex(field);
    }
    int start = pos;
    while (!atEnd() && !Character.isWhitespace(peek()) && peek() != '(' && peek() != ')' && peek() != '"') {
      pos++;
    }
    if (pos == start) {
      throw new QuerySyntaxException(query, pos, "expected a word here");
    }
    return term(query.substring(start, pos), field, start);
  }

  private Query regex(Optional<Field> field) {
    int open = pos;
    int i = pos + 1;
    StringBuilder source = new StringBuilder();
    while (i < query.length() && query.charAt(i) != '/') {
      if (query.charAt(i) == '\\' && i + 1 < query.length()) {
        // \/ is a literal slash; other escapes belong to the regex
        if (query.charAt(i + 1) != '/') {
          source.append('\\');
        }
        source.append(query.charAt(i + 1));
        i += 2;
      } else {
        source.append(query.charAt(i++));
      }
    }
    if (i >= query.length()) {
      throw new QuerySyntaxException(query, open, "the regular expression is never closed with '/'");
    }
    pos = i + 1;
    if (source.length() == 0) {
      throw new QuerySyntaxException(query, open, "empty regular expression");
    }
    if (source.length() > MAX_REGEX) {
      throw new QuerySyntaxException(query, open, "regular expressions are limited to " + MAX_REGEX + " characters");
    }
    try {
      return new Query.Regex(source.toString(), field, Pattern.compile(source.toString(), Pattern.CASE_INSENSITIVE));
    } catch (PatternSyntaxException e) {
      throw new QuerySyntaxException(query, open + 1 + Math.max(0, e.getIndex()), "bad regular expression: "
          + e.getDescription());
    }
  }

  private Query term(String text, Optional<Field> field, int at) {
    List<String> tokens = SearchTokens.queryTokens(text);
    if (tokens.isEmpty()) {
      throw new QuerySyntaxException(query, at, "'" + text + "' has no letters or digits to look for");
    }
    return new Query.Term(text, field, tokens);
  }

  private Optional<Field> fieldPrefix() {
    int colon = pos;
    while (colon < query.length() && Character.isLetter(query.charAt(colon))) {
      colon++;
    }
    if (colon == pos || colon >= query.length() || query.charAt(colon) != ':') {
      return Optional.empty();
    }
    Optional<Field> field = Field.ofPrefix(query.substring(pos, colon));
    if (field.isPresent()) {
      pos = colon + 1;
      if (atEnd() || Character.isWhitespace(peek())) {
        throw new QuerySyntaxException(query, colon, "a field prefix needs a term right after the ':'");
      }
    }
    return field;
  }

  private static Query restrict(Query q, Field f) {
    if (q instanceof Query.Term t) {
      return t.field().isPresent() ? t : new Query.Term(t.text(), Optional.of(f), t.tokens());
    }
    if (q instanceof Query.Regex r) {
      return r.field().isPresent() ? r : new Query.Regex(r.source(), Optional.of(f), r.pattern());
    }
    if (q instanceof Query.And a) {
      return new Query.And(a.parts().stream().map(p -> restrict(p, f)).toList());
    }
    if (q instanceof Query.Or o) {
      return new Query.Or(o.parts().stream().map(p -> restrict(p, f)).toList());
    }
    return new Query.Not(restrict(((Query.Not) q).part(), f));
  }

  private static boolean hasPositive(Query q, boolean negated) {
    if (q instanceof Query.Term || q instanceof Query.Regex) {
      return !negated;
    }
    if (q instanceof Query.Not n) {
      return hasPositive(n.part(), !negated);
    }
    List<Query> parts = q instanceof Query.And a ? a.parts() : ((Query.Or) q).parts();
    return parts.stream().anyMatch(p -> hasPositive(p, negated));
  }

  private boolean keyword(String word) {
    return isKeywordAt(word);
  }

  private boolean isKeywordAt(String word) {
    int end = pos + word.length();
    return query.startsWith(word, pos) && (end == query.length() || Character.isWhitespace(query.charAt(end))
        || query.charAt(end) == '(' || query.charAt(end) == '"');
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= query.length();
  }

  private char peek() {
    return atEnd() ? '\0' : query.charAt(pos);
  }
}
