package io.paperboy.scheduler.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Values of the {@code Vote:} and {@code Authors:} lines, read as liberally as the history wrote them. */
final class FieldValues {

  private static final Pattern PLAIN_COUNT = Pattern.compile("\\d{1,10}");
  // 1,234 / 1.234 / 1 234 / 1'234 (thin and no-break spaces too)
  private static final Pattern GROUPED_COUNT = Pattern.compile("\\d{1,3}(?:[,.'’ _\u00A0\u202F]\\d{3}){1,3}");

  private FieldValues() {}

  /**
   * The vote count of a {@code Vote:} value; empty when unknown ({@code -}, blank, or not a count).
   * {@code Vote: -} means the digest did not know the count, which is not zero.
   */
  static Optional<Integer> votes(String value) {
    String v = stripEmphasis(value.strip());
    if (GROUPED_COUNT.matcher(v).matches()) {
      v = v.replaceAll("\\D", "");
    }
    if (!PLAIN_COUNT.matcher(v).matches()) {
      return Optional.empty();
    }
    long count = Long.parseLong(v);
    return count <= Integer.MAX_VALUE ? Optional.of((int) count) : Optional.empty();
  }

  /**
   * The names of an {@code Authors:} value: comma-separated ({@code A, B}) or, as some days wrote
   * it, a Python list literal ({@code ['A', 'B']}, names with an apostrophe in double quotes). The
   * {@code +} that ends a list Hugging Face cut short is dropped.
   */
  static List<String> authors(String value) {
    String v = value.strip();
    if (v.length() >= 2 && v.startsWith("[") && v.endsWith("]")) {
      return listLiteral(v.substring(1, v.length() - 1));
    }
    List<String> names = new ArrayList<>();
    for (String part : v.split(",")) {
      addName(names, part);
    }
    return names;
  }

  private static List<String> listLiteral(String inner) {
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < inner.length()) {
      char c = inner.charAt(i);
      if (c == ',' || Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        StringBuilder name = new StringBuilder();
        i++;
        while (i < inner.length() && inner.charAt(i) != c) {
          if (inner.charAt(i) == '\\' && i + 1 < inner.length()) {
            i++;
          }
          name.append(inner.charAt(i++));
        }
        i++; // closing quote (or past the end when unterminated)
        addName(names, name.toString());
      } else {
        int comma = inner.indexOf(',', i);
        int end = comma < 0 ? inner.length() : comma;
        addName(names, inner.substring(i, end));
        i = end;
      }
    }
    return names;
  }

  /** Adds a name; a token without any letter or digit ({@code +}, {@code …}) marks a cut list, not a person. */
  private static void addName(List<String> names, String raw) {
    String name = raw.strip();
    if (name.codePoints().anyMatch(Character::isLetterOrDigit)) {
      names.add(name);
    }
  }

  private static String stripEmphasis(String v) {
    int from = 0;
    int to = v.length();
    while (from < to && (v.charAt(from) == '*' || v.charAt(from) == '_')) {
      from++;
    }
    while (to > from && (v.charAt(to - 1) == '*' || v.charAt(to - 1) == '_')) {
      to--;
    }
    return v.substring(from, to).strip();
  }
}
