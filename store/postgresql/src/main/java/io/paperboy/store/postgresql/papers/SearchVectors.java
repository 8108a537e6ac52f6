package io.paperboy.store.postgresql.papers;

import io.paperboy.store.query.Field;
import io.paperboy.store.query.Query;
import io.paperboy.store.search.SearchTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search index's text forms: a paper's {@link SearchTokens} as a {@code tsvector} literal, and
 * an indexable query as a {@code tsquery} literal, both built here and cast by PostgreSQL
 * ({@code ?::tsvector}, {@code ?::tsquery}) without any text search configuration, so PostgreSQL
 * never re-tokenises (its parser would split and stem differently from SQLite's index).
 *
 * <p>One vector per paper: title tokens weighted A, authors B, summary D (the default), each
 * with its position, the fields {@value #FIELD_GAP} positions apart so no phrase spans two of
 * them. A field prefix becomes a weight restriction ({@code 'llm':A}); a term is the phrase of its
 * tokens ({@code '확산' <-> '산모' <-> '모델'}); AND and OR are {@code &} and {@code |}. Every
 * lexeme is quoted, so no user input reaches tsquery syntax.
 *
 * <p>PostgreSQL's limits, and what they cost: positions above 16383 are stored as 16383 and at
 * most 255 positions are kept per lexeme, so a phrase can be missed deep inside a very long text
 * (a 2 KB summary holds about 1,500 tokens); a lexeme is cut to {@value #MAX_LEXEME} characters on
 * both sides, so two giant words that share that prefix match each other.
 */
final class SearchVectors {

  static final int FIELD_GAP = 8;
  static final int MAX_POSITION = 16_383;
  static final int MAX_POSITIONS_PER_LEXEME = 255;
  static final int MAX_LEXEME = 400;

  private SearchVectors() {}

  /** The {@code tsvector} literal of a paper's fields. */
  static String vector(String title, List<String> authors, String summary) {
    Map<String, StringBuilder> lexemes = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int next = add(lexemes, counts, SearchTokens.tokens(title), 1, "A");
    next = add(lexemes, counts, SearchTokens.tokens(String.join(", ", authors)), next + FIELD_GAP, "B");
    add(lexemes, counts, SearchTokens.tokens(summary), next + FIELD_GAP, "");
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, StringBuilder> e : lexemes.entrySet()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      quote(sb, e.getKey()).append(':').append(e.getValue());
    }
    return sb.toString();
  }

  /** The title's part of {@link #vector} alone (the same lexemes, positions and weight A). */
  static String titleVector(String title) {
    return vector(title, List.of(), "");
  }

  /** Adds tokens from position {@code start}; returns the position after the last. */
  private static int add(Map<String, StringBuilder> lexemes, Map<String, Integer> counts, List<String> tokens,
      int start, String weight) {
    int position = start;
    for (String token : tokens) {
      String lexeme = lexeme(token);
      int seen = counts.merge(lexeme, 1, Integer::sum);
      if (seen <= MAX_POSITIONS_PER_LEXEME) {
        StringBuilder positions = lexemes.computeIfAbsent(lexeme, k -> new StringBuilder());
        if (positions.length() > 0) {
          positions.append(',');
        }
        positions.append(Math.min(position, MAX_POSITION)).append(weight);
      }
      position++;
    }
    return position;
  }

  /** The {@code tsquery} literal of an indexable query: terms, AND, OR ({@code QuerySearch.indexable}). */
  static String query(Query indexable) {
    StringBuilder sb = new StringBuilder();
    append(sb, indexable);
    return sb.toString();
  }

  /** {@code (positive) & !(x) & !(y)}: matches the positive part and none of the excluded. */
  static String excluding(Query positive, List<Query> excluded) {
    StringBuilder sb = new StringBuilder("(");
    append(sb, positive);
    sb.append(')');
    for (Query x : excluded) {
      sb.append(" & !(");
      append(sb, x);
      sb.append(')');
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, Query q) {
    if (q instanceof Query.Term t) {
      String weight = t.field().map(SearchVectors::weight).orElse("");
      List<String> tokens = t.tokens();
      if (tokens.size() > 1) {
        sb.append('(');
      }
      for (int i = 0; i < tokens.size(); i++) {
        if (i > 0) {
          sb.append(" <-> ");
        }
        quote(sb, lexeme(tokens.get(i)));
        // a term ending in one syllable matches it as a lexeme prefix ('눈':* finds 눈에), as on SQLite
        boolean prefix = i == tokens.size() - 1 && t.lastIsPrefix();
        if (prefix || !weight.isEmpty()) {
          sb.append(':').append(prefix ? "*" : "").append(weight);
        }
      }
      if (tokens.size() > 1) {
        sb.append(')');
      }
      return;
    }
    List<Query> parts;
    String op;
    if (q instanceof Query.And a) {
      parts = a.parts();
      op = " & ";
    } else if (q instanceof Query.Or o) {
      parts = o.parts();
      op = " | ";
    } else {
      throw new IllegalArgumentException("the index cannot evaluate " + q + "; see QuerySearch.indexable");
    }
    List<Query> list = new ArrayList<>(parts);
    sb.append('(');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(op);
      }
      append(sb, list.get(i));
    }
    sb.append(')');
  }

  private static String weight(Field field) {
    return switch (field) {
      case TITLE -> "A";
      case AUTHORS -> "B";
      case SUMMARY -> "D";
    };
  }

  private static String lexeme(String token) {
    return token.length() > MAX_LEXEME ? token.substring(0, MAX_LEXEME) : token;
  }

  /** A lexeme in single quotes; quotes doubled and backslashes escaped, though tokens hold neither. */
  private static StringBuilder quote(StringBuilder sb, String lexeme) {
    sb.append('\'');
    for (int i = 0; i < lexeme.length(); i++) {
      char c = lexeme.charAt(i);
      if (c == '\'') {
        sb.append("''");
      } else if (c == '\\') {
        sb.append("\\\\");
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'');
  }
}
