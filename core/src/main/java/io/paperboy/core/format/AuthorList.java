package io.paperboy.core.format;

import io.paperboy.core.message.Block;
import java.util.List;

/** Shortens author lists: some digests list hundreds or a thousand names for one paper. */
public final class AuthorList {

  /** How many names a shortened list keeps. */
  public static final int SHOWN = 5;

  private AuthorList() {}

  /**
   * All names joined when there are at most {@code shown + 1}; otherwise the first {@code shown}
   * and {@code "… et al. (N authors)"}. Empty string for no authors.
   */
  public static String shorten(List<String> authors, int shown) {
    if (authors.size() <= shown + 1) {
      return String.join(", ", authors);
    }
    return String.join(", ", authors.subList(0, shown)) + " … et al. (" + authors.size() + " authors)";
  }

  /** {@link #shorten(List, int)} with {@link #SHOWN} names. */
  public static String shorten(List<String> authors) {
    return shorten(authors, SHOWN);
  }

  /**
   * {@link #shorten(List, int)} for a list that may be cut ({@code more}: the digest elided some
   * authors with a lone {@code +}): a long cut list ends {@code "… et al. (25+ authors)"}, since 25
   * is only how many were named; a short one ends {@code " et al."}. A complete list reads as
   * {@link #shorten(List, int)} has it.
   */
  public static String shorten(List<String> authors, boolean more, int shown) {
    if (!more || authors.isEmpty()) {
      return shorten(authors, shown);
    }
    if (authors.size() <= shown + 1) {
      return String.join(", ", authors) + " et al.";
    }
    return String.join(", ", authors.subList(0, shown)) + " … et al. (" + authors.size() + "+ authors)";
  }

  /** The author line of a card: {@link #shorten(List, boolean, int)} with {@link #SHOWN} names. */
  public static String of(Block.PaperCard card) {
    return shorten(card.authors(), card.authorsMore(), SHOWN);
  }
}
