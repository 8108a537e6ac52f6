package io.paperboy.store;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * arXiv identifiers: extracts the versionless id from a bare id or an arXiv URL. {@code 2406.04325},
 * {@code 2406.04325v2}, {@code https://arxiv.org/abs/2406.04325v2} and
 * {@code https://arxiv.org/pdf/2406.04325.pdf} all name the paper {@code 2406.04325}.
 */
public final class ArxivId {

  // new-style ids (2007+: YYMM.NNNN or YYMM.NNNNN) and old-style archive ids (cs/0112017, hep-th/9901001v2)
  private static final String ID = "(\\d{4}\\.\\d{4,5}|[a-z][a-z.-]*/\\d{7})(?:v\\d+)?";
  private static final Pattern BARE = Pattern.compile("^" + ID + "$");
  private static final Pattern URL = Pattern.compile(
      "^https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/" + ID + "(?:\\.pdf)?/?(?:[?#].*)?$");

  private ArxivId() {}

  /** The versionless id named by a bare id or an arXiv abs/pdf/html URL; empty if it is neither. */
  public static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("arxiv:")) {
      t = t.substring("arxiv:".length());
    }
    Matcher m = BARE.matcher(t);
    if (m.matches()) {
      return Optional.of(m.group(1));
    }
    m = URL.matcher(t);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The canonical abstract URL of an id. */
  public static String absUrl(String id) {
    return "https://arxiv.org/abs/" + id;
  }
}
