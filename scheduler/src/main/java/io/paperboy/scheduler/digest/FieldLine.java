package io.paperboy.scheduler.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * One line of a paragraph under a paper heading, read as a field when it is one: the thumbnail
 * ({@code ![](…png)}), the video ({@code [Watch Video](…mp4)}), the raw {@code <div><video …></div>}
 * line, the {@code Vote:} line or the {@code Authors:} line. Anything else is summary text.
 *
 * @param kind  what the line is
 * @param value the media URL or the raw text after {@code Vote:} / {@code Authors:}; empty otherwise
 */
record FieldLine(Kind kind, String value) {

  enum Kind {
    /** only an image, a video link or an {@code <img>}: the paper's media when above the summary */
    MEDIA,
    /** only raw HTML holding a {@code <video>}: never summary; its {@code src} may be the media */
    VIDEO_HTML,
    /** only other raw HTML ({@code <div>}, {@code </div>}, {@code <br>}): layout above the summary */
    HTML,
    VOTES,
    AUTHORS,
    TEXT
  }

  private static final Pattern VOTES = Pattern.compile("(?i)^\\s*(?:up)?votes?\\s*:");
  private static final Pattern AUTHORS = Pattern.compile("(?i)^\\s*authors?\\s*:");
  private static final Pattern VIDEO_FILE = Pattern.compile("(?i).*\\.(mp4|webm|mov|m4v)(?:[?#].*)?$");
  private static final Pattern SRC = Pattern.compile("(?i)\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");

  private static final FieldLine PLAIN_TEXT = new FieldLine(Kind.TEXT, "");

  /**
   * Classifies the inline nodes of one paragraph line. Field labels and values are read from the
   * line's text, so {@code **Vote:** 35} and escaped names read like the plain forms.
   */
  static FieldLine classify(List<Node> nodes) {
    List<Node> visible = withoutBlankText(nodes);
    if (visible.isEmpty()) {
      return PLAIN_TEXT;
    }
    if (startsWithText(visible.get(0))) {
      String text = plainText(visible);
      if (VOTES.matcher(text).find()) {
        return new FieldLine(Kind.VOTES, afterColon(text));
      }
      if (AUTHORS.matcher(text).find()) {
        return new FieldLine(Kind.AUTHORS, afterColon(text));
      }
      return PLAIN_TEXT;
    }
    if (visible.stream().allMatch(n -> n instanceof HtmlInline)) {
      return html(visible);
    }
    return media(visible).map(url -> new FieldLine(Kind.MEDIA, url)).orElse(PLAIN_TEXT);
  }

  private static FieldLine html(List<Node> visible) {
    StringBuilder html = new StringBuilder();
    visible.forEach(n -> html.append(((HtmlInline) n).getLiteral()));
    String snippet = html.toString();
    if (snippet.toLowerCase(Locale.ROOT).contains("<video")) {
      return new FieldLine(Kind.VIDEO_HTML, videoSource(snippet).orElse(""));
    }
    return imageSource(snippet).map(url -> new FieldLine(Kind.MEDIA, url)).orElse(new FieldLine(Kind.HTML, ""));
  }

  /** The image or video URL of a line that is only an image or a link, if it is one. */
  private static Optional<String> media(List<Node> visible) {
    if (visible.size() == 1 && visible.get(0) instanceof Image image) {
      return Optional.of(image.getDestination());
    }
    if (visible.size() == 1 && visible.get(0) instanceof Link link) {
      // a clickable thumbnail [![](img)](page) is still the thumbnail
      if (link.getFirstChild() instanceof Image image && link.getFirstChild() == link.getLastChild()) {
        return Optional.of(image.getDestination());
      }
      if (isVideoLink(link)) {
        return Optional.of(link.getDestination());
      }
    }
    return Optional.empty();
  }

  private static boolean isVideoLink(Link link) {
    if (VIDEO_FILE.matcher(link.getDestination()).matches()) {
      return true;
    }
    return link.getFirstChild() instanceof Text label && link.getFirstChild() == link.getLastChild()
        && label.getLiteral().strip().equalsIgnoreCase("watch video");
  }

  /** The {@code src} of the first {@code <video>} (or of its {@code <source>}) in an HTML snippet. */
  private static Optional<String> videoSource(String html) {
    return sourceAfter(html, "<video");
  }

  private static Optional<String> imageSource(String html) {
    return sourceAfter(html, "<img");
  }

  private static Optional<String> sourceAfter(String html, String tag) {
    int at = html.toLowerCase(Locale.ROOT).indexOf(tag);
    if (at < 0) {
      return Optional.empty();
    }
    Matcher m = SRC.matcher(html);
    if (!m.find(at)) {
      return Optional.empty();
    }
    String url = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return url.isBlank() ? Optional.empty() : Optional.of(url.strip());
  }

  /** Whether a line starting with this node may be a field line: text, or emphasis around text. */
  private static boolean startsWithText(Node node) {
    Node n = node;
    while (n instanceof Emphasis || n instanceof StrongEmphasis) {
      n = n.getFirstChild();
    }
    return n instanceof Text;
  }

  private static String plainText(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    for (Node n : nodes) {
      appendText(n, out);
    }
    return out.toString();
  }

  private static void appendText(Node node, StringBuilder out) {
    if (node instanceof Text text) {
      out.append(text.getLiteral());
    } else if (node instanceof Code code) {
      out.append(code.getLiteral());
    } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      out.append(' ');
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      appendText(child, out);
    }
  }

  private static List<Node> withoutBlankText(List<Node> nodes) {
    List<Node> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      if (!(n instanceof Text text && text.getLiteral().isBlank())) {
        out.add(n);
      }
    }
    return out;
  }

  private static String afterColon(String text) {
    int colon = text.indexOf(':');
    return colon < 0 ? "" : text.substring(colon + 1).strip();
  }
}
