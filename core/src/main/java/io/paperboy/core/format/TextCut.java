package io.paperboy.core.format;

import com.ibm.icu.text.BreakIterator;
import java.util.Locale;

/**
 * Cuts text to a platform limit without splitting a user-perceived character: Hangul syllables,
 * emoji with modifiers and combining marks stay whole. ICU's grapheme rules are current, unlike
 * the JDK 17 {@code BreakIterator}.
 */
public final class TextCut {

  public static final String ELLIPSIS = "…";

  private TextCut() {}

  /** Whether {@code text} fits in {@code max} UTF-16 chars (Discord and Slack both count those). */
  public static boolean fits(String text, int max) {
    return text.length() <= max;
  }

  /**
   * {@code text} if it fits in {@code max} chars; otherwise its longest grapheme-aligned prefix
   * that, followed by {@code suffix}, fits — e.g. suffix {@code "… [more](url)"}.
   */
  public static String cut(String text, int max, String suffix) {
    if (text.length() <= max) {
      return text;
    }
    int budget = max - suffix.length();
    if (budget <= 0) {
      return prefix(suffix, max);
    }
    return prefix(text, budget).stripTrailing() + suffix;
  }

  /** {@link #cut(String, int, String)} with a plain "…". */
  public static String cut(String text, int max) {
    return cut(text, max, ELLIPSIS);
  }

  /** The longest prefix of {@code text} that ends on a grapheme boundary and is at most {@code max} chars. */
  public static String prefix(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(text);
    int end = it.preceding(max + 1);
    if (end == BreakIterator.DONE || end < 0) {
      end = 0;
    }
    return text.substring(0, end);
  }
}
