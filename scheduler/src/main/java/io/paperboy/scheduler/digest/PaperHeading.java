package io.paperboy.scheduler.digest;

import io.paperboy.store.ArxivId;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

/**
 * A {@code ### [title](https://arxiv.org/abs/…)} paper heading.
 *
 * @param title   the link text exactly as written in the source, trimmed
 * @param url     the link destination as listed
 * @param arxivId the versionless arXiv id the URL names
 */
record PaperHeading(String title, String url, String arxivId) {

  /**
   * Reads a level-3 heading on 0-based line {@code lineIndex} of {@code text}; {@code lineOffset}
   * maps the heading's spans to that line when it came from a re-parsed fragment.
   *
   * @throws DigestRejectedException when the heading has no arXiv abstract/PDF link or no title
   */
  static PaperHeading read(Heading heading, SourceText text, int lineIndex) throws DigestRejectedException {
    int line = lineIndex + 1;
    Link link = firstLink(heading).orElseThrow(() -> new DigestRejectedException(text.source(), line,
        "paper heading has no link to its arXiv page (expected '### [title](https://arxiv.org/abs/…)')"));
    String url = link.getDestination();
    Optional<String> id = isArxivAbsOrPdf(url) ? ArxivId.parse(url) : Optional.empty();
    if (id.isEmpty()) {
      throw new DigestRejectedException(text.source(), line,
          "paper heading links to '" + url + "', not an arXiv abstract or PDF URL");
    }
    String title = title(heading, link, text.line(lineIndex));
    if (title.isEmpty()) {
      throw new DigestRejectedException(text.source(), line, "paper heading for " + id.get() + " has an empty title");
    }
    return new PaperHeading(title, url, id.get());
  }

  private static boolean isArxivAbsOrPdf(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return (u.startsWith("https://") || u.startsWith("http://")) && (u.contains("/abs/") || u.contains("/pdf/"));
  }

  private static Optional<Link> firstLink(Node node) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Link link) {
        return Optional.of(link);
      }
      Optional<Link> nested = firstLink(child);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  /**
   * The title as written: the link text's source. An unbalanced {@code [} before the link (a title
   * such as {@code [Attention [ is all](url)}) makes commonmark link only the tail, so the title
   * then starts after the first unmatched {@code [} of the heading.
   */
  private static String title(Heading heading, Link link, String lineText) {
    int linkStart = Spans.startColumn(link);
    Node first = link.getFirstChild();
    Node last = link.getLastChild();
    if (linkStart == Spans.NONE || first == null || Spans.endColumn(last) == Spans.NONE) {
      return "";
    }
    int textEnd = Spans.endColumn(last);
    int textStart = linkStart + 1;
    int contentStart = Math.max(0, Spans.startColumn(heading));
    int unmatched = firstUnmatchedBracket(lineText, contentStart, linkStart);
    if (unmatched >= 0) {
      textStart = unmatched + 1;
    }
    return lineText.substring(textStart, Math.min(textEnd, lineText.length())).strip();
  }

  private static int firstUnmatchedBracket(String lineText, int from, int to) {
    int depth = 0;
    int firstOpen = -1;
    for (int i = from; i < to && i < lineText.length(); i++) {
      char c = lineText.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        if (depth == 0) {
          firstOpen = i;
        }
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      }
    }
    return depth > 0 ? firstOpen : -1;
  }
}
