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
   * The names of an {@code Authors:} value and whether the list was cut.
   *
   * @param names the listed names, in order
   * @param more  whether a lone {@code +} item (at the end or in the middle) said that the digest
   *              elided some authors of a long list
   */
  record AuthorNames(List<String> names, boolean more) {
    AuthorNames {
      names = List.copyOf(names);
    }
  }

  /** The names of an {@code Authors:} value ({@link #authorList}), without the cut. */
  static List<String> authors(String value) {
    return authorList(value).names();
  }

  /**
   * The names of an {@code Authors:} value: comma-separated ({@code A, B}) or, as some days wrote
   * it, a Python list literal ({@code ['A', 'B']}, names with an apostrophe in double quotes). The
   * {@code +} item that marks a list Hugging Face cut short is not a name; it sets
   * {@link AuthorNames#more}.
   */
  static AuthorNames authorList(String value) {
    String v = value.strip();
    List<String> names = new ArrayList<>();
    boolean[] more = {false};
    if (v.length() >= 2 && v.startsWith("[") && v.endsWith("]")) {
      listLiteral(v.substring(1, v.length() - 1), names, more);
    } else {
      for (String part : v.split(",")) {
        addName(names, more, part);
      }
    }
    return new AuthorNames(names, more[0]);
  }

  private static void listLiteral(String inner, List<String> names, boolean[] more) {
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
        addName(names, more, name.toString());
      } else {
        int comma = inner.indexOf(',', i);
        int end = comma < 0 ? inner.length() : comma;
        addName(names, more, inner.substring(i, end));
        i = end;
      }
    }
  }

  /**
   * Adds a name; a token without any letter or digit ({@code +}, {@code …}) is not a person. A lone
   * {@code +} is how the digest marks elided authors, so it sets {@code more[0]}.
   */
  private static void addName(List<String> names, boolean[] more, String raw) {
    String name = raw.strip();
    if (name.codePoints().anyMatch(Character::isLetterOrDigit)) {
      names.add(name);
    } else if (name.equals("+")) {
      more[0] = true;
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
