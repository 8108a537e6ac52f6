package io.paperboy.slack;

import io.paperboy.core.format.Latex;
import io.paperboy.core.format.TextCut;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * CommonMark → Slack mrkdwn, through the commonmark AST rather than regexes: bold {@code *},
 * italics {@code _}, lists as bullets, links as {@code <url|label>}.
 *
 * <p>Every piece of digest text is escaped ({@code &}, {@code <}, {@code >} become entities), so
 * {@code <!channel>}, {@code <!here>}, {@code <!everyone>} and {@code <@U…>} in a summary show as
 * text and ping nobody; only links whose destination is http(s) or mailto become Slack links,
 * so {@code [x](!here)} cannot smuggle a mention in either.
 */
public final class SlackMrkdwn {

  private static final Parser PARSER = Parser.builder().build();
  private static final Pattern SAFE_URL = Pattern.compile("^(https?://|mailto:)[^\\s]+$", Pattern.CASE_INSENSITIVE);
  private static final String NESTED_INDENT = "    ";

  private SlackMrkdwn() {}

  /** The mrkdwn of a CommonMark text, one element per output line (split points for long text). */
  public static List<String> lines(String markdown) {
    Node document = PARSER.parse(markdown);
    List<String> lines = new ArrayList<>();
    blocks(document, lines, "");
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** The mrkdwn of a CommonMark text as one string. */
  public static String render(String markdown) {
    return String.join("\n", lines(markdown));
  }

  /** Escapes plain text for mrkdwn: Slack's three control characters become entities. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@code <url|label>} with an escaped label, or just the escaped label when the URL is not http(s)/mailto. */
  public static String link(String url, String label) {
    String cleanLabel = escape(label.strip());
    if (!SAFE_URL.matcher(url.strip()).matches()) {
      return cleanLabel.isEmpty() ? escape(url) : cleanLabel;
    }
    String target = url(url.strip());
    return cleanLabel.isEmpty() ? "<" + target + ">" : "<" + target + "|" + cleanLabel + ">";
  }

  /**
   * A prefix of mrkdwn {@code text} of at most {@code max} chars, followed by {@code suffix}: cut
   * on a grapheme boundary and never inside an entity or a {@code <…>} link, so the result is still
   * valid mrkdwn.
   */
  public static String cut(String text, int max, String suffix) {
    if (text.length() <= max) {
      return text;
    }
    String prefix = TextCut.prefix(text, Math.max(0, max - suffix.length()));
    int open = prefix.lastIndexOf('<');
    if (open > prefix.lastIndexOf('>')) {
      prefix = prefix.substring(0, open);
    }
    int amp = prefix.lastIndexOf('&');
    if (amp >= 0 && prefix.indexOf(';', amp) < 0 && prefix.length() - amp <= "&amp;".length()) {
      prefix = prefix.substring(0, amp);
    }
    return prefix.stripTrailing() + suffix;
  }

  private static String url(String url) {
    StringBuilder sb = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("%3C");
        case '>' -> sb.append("%3E");
        case '|' -> sb.append("%7C");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static void blocks(Node parent, List<String> out, String indent) {
    Node previous = null;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof LinkReferenceDefinition) {
        continue;
      }
      if (previous instanceof Paragraph && node instanceof Paragraph && !(parent instanceof ListItem)) {
        out.add("");
      }
      block(node, out, indent);
      previous = node;
    }
  }

  private static void block(Node node, List<String> out, String indent) {
    if (node instanceof Paragraph) {
      addLines(out, indent, inline(node));
    } else if (node instanceof Heading) {
      String text = inline(node);
      addLines(out, indent, text.isBlank() ? text : "*" + text.strip() + "*");
    } else if (node instanceof ListBlock list) {
      int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
          ? ordered.getMarkerStartNumber() : 1;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        String marker = list instanceof OrderedList ? (number++) + ". " : "• ";
        listItem((ListItem) item, out, indent, marker);
      }
    } else if (node instanceof BlockQuote) {
      List<String> inner = new ArrayList<>();
      blocks(node, inner, "");
      for (String line : inner) {
        // a real '>' at line start is Slack's quote marker; the quoted text itself stays escaped
        out.add(indent + "> " + line);
      }
    } else if (node instanceof FencedCodeBlock code) {
      codeBlock(code.getLiteral(), out, indent);
    } else if (node instanceof IndentedCodeBlock code) {
      codeBlock(code.getLiteral(), out, indent);
    } else if (node instanceof HtmlBlock html) {
      addLines(out, indent, escape(html.getLiteral().strip()));
    } else if (node instanceof ThematicBreak) {
      out.add(indent + "───");
    } else {
      blocks(node, out, indent);
    }
  }

  private static void listItem(ListItem item, List<String> out, String indent, String marker) {
    List<String> inner = new ArrayList<>();
    blocks(item, inner, "");
    if (inner.isEmpty()) {
      inner.add("");
    }
    out.add(indent + marker + inner.get(0));
    for (String line : inner.subList(1, inner.size())) {
      out.add(line.isEmpty() ? line : indent + NESTED_INDENT + line);
    }
  }

  private static void codeBlock(String literal, List<String> out, String indent) {
    String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    addLines(out, indent, "```" + escape(body) + "```");
  }

  private static void addLines(List<String> out, String indent, String text) {
    for (String line : text.split("\n", -1)) {
      out.add(indent + line);
    }
  }

  private static String inline(Node parent) {
    StringBuilder sb = new StringBuilder();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      inline(node, sb);
    }
    return sb.toString();
  }

  private static void inline(Node node, StringBuilder sb) {
    if (node instanceof Text text) {
      sb.append(escape(Latex.readable(text.getLiteral())));
    } else if (node instanceof Code code) {
      sb.append('`').append(escape(code.getLiteral())).append('`');
    } else if (node instanceof StrongEmphasis) {
      wrap(node, sb, "*");
    } else if (node instanceof Emphasis) {
      wrap(node, sb, "_");
    } else if (node instanceof Link link) {
      String label = plain(link);
      boolean autolink = label.equals(link.getDestination()) || ("mailto:" + label).equals(link.getDestination());
      sb.append(link(link.getDestination(), autolink ? "" : label));
    } else if (node instanceof Image image) {
      String alt = plain(image);
      sb.append(link(image.getDestination(), alt.isBlank() ? "image" : alt));
    } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      sb.append('\n');
    } else if (node instanceof HtmlInline html) {
      sb.append(escape(html.getLiteral()));
    } else {
      sb.append(inline(node));
    }
  }

  private static void wrap(Node node, StringBuilder sb, String marker) {
    String inner = inline(node);
    if (inner.isBlank()) {
      sb.append(inner);
      return;
    }
    // Slack only formats when the markers hug the text: "** bold **" must become "*bold*"
    String lead = inner.substring(0, inner.length() - inner.stripLeading().length());
    String trail = inner.substring(inner.stripTrailing().length());
    sb.append(lead).append(marker).append(inner.strip()).append(marker).append(trail);
  }

  /** The text of a link label or image alt, without formatting (Slack labels take plain text). */
  private static String plain(Node parent) {
    StringBuilder sb = new StringBuilder();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text text) {
        sb.append(Latex.readable(text.getLiteral()));
      } else if (node instanceof Code code) {
        sb.append(code.getLiteral());
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        sb.append(' ');
      } else if (node instanceof HtmlInline html) {
        sb.append(html.getLiteral());
      } else {
        sb.append(plain(node));
      }
    }
    return sb.toString();
  }
}
