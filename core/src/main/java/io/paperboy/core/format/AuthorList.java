package io.paperboy.core.format;

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
}
