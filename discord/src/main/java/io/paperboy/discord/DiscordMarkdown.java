package io.paperboy.discord;

import io.paperboy.core.format.Latex;
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
 * CommonMark (as digests write summaries) to Discord's markdown dialect, through the commonmark
 * AST: lists, bold, italics, inline code and links are kept; LaTeX-ish {@code $\times$} becomes
 * readable; HTML is dropped; literal characters that Discord would read as formatting or as a
 * mention ({@code *}, {@code _}, {@code ~}, {@code |}, {@code <@id>}) are escaped so that text
 * stays text.
 */
public final class DiscordMarkdown {

  private static final Parser PARSER = Parser.builder().build();
  // characters Discord's parser treats as markup anywhere in a line
  private static final Pattern INLINE_SPECIAL = Pattern.compile("([\\\\*_~`|<>\\[\\]])");
  // at the start of a line Discord also reads headings, quotes, lists and subtext
  private static final Pattern LINE_START_SPECIAL = Pattern.compile("(?m)^(\\s*)([#>+-])");
  // "2. text" would become a list item; escaping the dot (not the digit) keeps it literal
  private static final Pattern LINE_START_NUMBER = Pattern.compile("(?m)^(\\s*\\d+)([.)])");

  private DiscordMarkdown() {}

  /** Converts a CommonMark document to Discord markdown; blank input gives an empty string. */
  public static String convert(String commonMark) {
    Node document = PARSER.parse(commonMark);
    return blocks(document, "\n\n").strip();
  }

  /** Escapes plain text so Discord shows it literally (no formatting, no mention pills). */
  public static String escape(String plain) {
    return escapeLineStarts(INLINE_SPECIAL.matcher(plain).replaceAll("\\\\$1"));
  }

  private static String escapeLineStarts(String text) {
    String s = LINE_START_SPECIAL.matcher(text).replaceAll("$1\\\\$2");
    return LINE_START_NUMBER.matcher(s).replaceAll("$1\\\\$2");
  }

  private static String blocks(Node parent, String separator) {
    List<String> parts = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      String block = block(n);
      if (!block.isBlank()) {
        parts.add(block);
      }
    }
    return String.join(separator, parts);
  }

  private static String block(Node node) {
    if (node instanceof Paragraph) {
      // literal text after a line break must not turn into a heading, quote or list
      return escapeLineStarts(inlines(node));
    }
    if (node instanceof Heading) {
      String text = inlines(node).strip();
      return text.isEmpty() ? "" : "**" + text + "**";
    }
    if (node instanceof BulletList || node instanceof OrderedList) {
      return list((ListBlock) node);
    }
    if (node instanceof BlockQuote) {
      return prefixLines(blocks(node, "\n"), "> ", "> ");
    }
    if (node instanceof FencedCodeBlock code) {
      return fence(code.getLiteral());
    }
    if (node instanceof IndentedCodeBlock code) {
      return fence(code.getLiteral());
    }
    if (node instanceof ThematicBreak) {
      return "───";
    }
    if (node instanceof HtmlBlock || node instanceof LinkReferenceDefinition) {
      return "";
    }
    return blocks(node, "\n");
  }

  private static String list(ListBlock list) {
    int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
        ? ordered.getMarkerStartNumber() : 1;
    List<String> items = new ArrayList<>();
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      String marker = list instanceof OrderedList ? (number++) + ". " : "- ";
      String body = blocks(item, "\n");
      items.add(prefixLines(body.isEmpty() ? "" : body, marker, " ".repeat(marker.length())));
    }
    return String.join("\n", items);
  }

  private static String prefixLines(String text, String first, String rest) {
    String[] lines = text.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(i == 0 ? first : rest).append(lines[i]);
    }
    return sb.toString();
  }

  private static String fence(String literal) {
    // a fence inside the code would close ours early; a zero-width space keeps it literal
    String body = literal.replace("```", "`\u200b``");
    return "```\n" + (body.endsWith("\n") ? body : body + "\n") + "```";
  }

  private static String inlines(Node parent) {
    StringBuilder sb = new StringBuilder();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      inline(n, sb);
    }
    return sb.toString();
  }

  private static void inline(Node node, StringBuilder out) {
    if (node instanceof Text text) {
      out.append(escapeInline(Latex.readable(text.getLiteral())));
    } else if (node instanceof Code code) {
      String literal = code.getLiteral().replace("`", "ˋ");
      out.append('`').append(literal).append('`');
    } else if (node instanceof StrongEmphasis) {
      wrap(node, "**", out);
    } else if (node instanceof Emphasis) {
      wrap(node, "*", out);
    } else if (node instanceof Link link) {
      link(inlines(link), link.getDestination(), out);
    } else if (node instanceof Image image) {
      String alt = inlines(image);
      link(alt.isBlank() ? "image" : alt, image.getDestination(), out);
    } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      out.append('\n');
    } else if (node instanceof HtmlInline) {
      // raw HTML (e.g. <br>, <video>) has no Discord equivalent
    } else {
      out.append(inlines(node));
    }
  }

  private static void wrap(Node node, String marker, StringBuilder out) {
    String inner = inlines(node);
    if (inner.isBlank()) {
      out.append(inner);
      return;
    }
    // Discord needs the markers to touch the text: keep surrounding spaces outside them
    String lead = inner.substring(0, inner.length() - inner.stripLeading().length());
    String trail = inner.substring(inner.stripTrailing().length());
    out.append(lead).append(marker).append(inner.strip()).append(marker).append(trail);
  }

  private static void link(String text, String destination, StringBuilder out) {
    String url = destination.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      out.append(text);
      return;
    }
    if (text.isBlank() || text.equals(escapeInline(destination))) {
      out.append(url);
    } else {
      out.append('[').append(text.replace("\n", " ")).append("](").append(url).append(')');
    }
  }

  private static String escapeInline(String text) {
    return INLINE_SPECIAL.matcher(text).replaceAll("\\\\$1");
  }
}
