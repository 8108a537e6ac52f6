package io.paperboy.discord;

import io.paperboy.core.format.TextCut;
import java.util.ArrayList;
import java.util.List;

/**
 * Fitting Discord-markdown text into a length limit. Cuts prefer a line end, then a space, so a
 * list item or a link is rarely broken; every cut lands on a grapheme boundary ({@link TextCut}).
 */
final class DiscordText {

  private DiscordText() {}

  /**
   * {@code text} if it fits in {@code max}; otherwise a prefix followed by "…" and a link to where
   * the whole text can be read.
   */
  static String cutWithLink(String text, int max, String moreUrl) {
    if (text.length() <= max) {
      return text;
    }
    String link = "[more](" + moreUrl + ")";
    // room for the separator, the ellipsis and the space before the link
    int budget = max - link.length() - 3;
    if (budget <= 0) {
      return TextCut.cut(text, max);
    }
    String head = TextCut.prefix(text, budget);
    int lineEnd = head.lastIndexOf('\n');
    if (lineEnd >= budget / 2) {
      return head.substring(0, lineEnd).stripTrailing() + "\n" + TextCut.ELLIPSIS + " " + link;
    }
    return wordPrefix(head, budget).stripTrailing() + TextCut.ELLIPSIS + " " + link;
  }

  /** Splits {@code text} into pieces of at most {@code max} chars, at line ends where possible; nothing is lost. */
  static List<String> split(String text, int max) {
    List<String> pieces = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      String head = TextCut.prefix(rest, max);
      int lineEnd = head.lastIndexOf('\n');
      if (lineEnd > 0) {
        head = head.substring(0, lineEnd);
      } else {
        head = wordPrefix(head, max);
      }
      if (head.isEmpty()) {
        // a single grapheme longer than the limit cannot happen for limits in the hundreds
        throw new IllegalStateException("cannot split text at " + max + " chars");
      }
      pieces.add(head.stripTrailing());
      rest = rest.substring(head.length()).stripLeading();
    }
    if (!rest.isBlank()) {
      pieces.add(rest);
    }
    return pieces;
  }

  /** Fits a plain one-line value, cutting with a bare "…". */
  static String fit(String text, int max) {
    return TextCut.cut(text, max);
  }

  private static String wordPrefix(String head, int budget) {
    int space = head.lastIndexOf(' ');
    return space >= budget * 3 / 4 ? head.substring(0, space) : head;
  }
}
