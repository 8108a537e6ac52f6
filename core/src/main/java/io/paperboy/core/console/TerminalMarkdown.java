package io.paperboy.core.console;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
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
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown as terminal lines, from the CommonMark syntax tree (not by pattern-matching the text,
 * which gets nesting, escapes and code spans wrong): emphasis becomes bold or italic (or nothing,
 * when plain), a link becomes {@code title <url>}, lists get bullets or numbers, code blocks are
 * indented instead of fenced, headings are bold.
 *
 * <p>Line breaks inside a paragraph stay line breaks: the messages are written for chat, where a
 * newline is a newline (CommonMark would join the lines). Blocks are separated by a blank line
 * where the source had one, so an answer keeps the spacing its author gave it.
 */
final class TerminalMarkdown {

  // thread-safe once built; source spans tell where the author left blank lines
  private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
  static final String CODE_INDENT = "    ";
  static final String BULLET = "• ";
  static final String QUOTE = "│ ";
  static final String RULE = "─".repeat(40);

  private final TerminalStyle style;

  TerminalMarkdown(TerminalStyle style) {
    this.style = style;
  }

  /** The lines {@code markdown} prints as, without line terminators. */
  List<String> lines(String markdown) {
    List<String> out = new ArrayList<>();
    blocks(PARSER.parse(markdown), out);
    return out;
  }

  /** Each child block of {@code container}, with a blank line where the source had one. */
  private void blocks(Node container, List<String> out) {
    Node previous = null;
    for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof LinkReferenceDefinition) {
        continue;
      }
      if (previous != null && blankLineBetween(previous, child)) {
        out.add("");
      }
      block(child, out);
      previous = child;
    }
  }

  private void block(Node node, List<String> out) {
    if (node instanceof Paragraph) {
      out.addAll(inline(node, false));
    } else if (node instanceof Heading) {
      out.addAll(inline(node, true));
    } else if (node instanceof ListBlock list) {
      list(list, out);
    } else if (node instanceof FencedCodeBlock code) {
      code(code.getLiteral(), out);
    } else if (node instanceof IndentedCodeBlock code) {
      code(code.getLiteral(), out);
    } else if (node instanceof BlockQuote) {
      List<String> inner = new ArrayList<>();
      blocks(node, inner);
      inner.forEach(line -> out.add((QUOTE + line).stripTrailing()));
    } else if (node instanceof ThematicBreak) {
      out.add(RULE);
    } else if (node instanceof HtmlBlock html) {
      code(html.getLiteral(), out);
    } else {
      // a block kind this renderer does not know (none today): keep its content readable
      blocks(node, out);
    }
  }

  private void list(ListBlock list, List<String> out) {
    int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
        ? ordered.getMarkerStartNumber() : 1;
    String delimiter = list instanceof OrderedList ordered && ordered.getMarkerDelimiter() != null
        ? ordered.getMarkerDelimiter() : ".";
    Node previous = null;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (previous != null && blankLineBetween(previous, item)) {
        out.add("");
      }
      String marker = list instanceof OrderedList ? number++ + delimiter + " " : BULLET;
      List<String> lines = new ArrayList<>();
      blocks(item, lines);
      if (lines.isEmpty()) {
        out.add(marker.stripTrailing());
      }
      String pad = " ".repeat(marker.length());
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        out.add(i == 0 ? marker + line : line.isEmpty() ? "" : pad + line);
      }
      previous = item;
    }
  }

  private static void code(String literal, List<String> out) {
    String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    for (String line : body.split("\n", -1)) {
      out.add(line.isEmpty() ? "" : CODE_INDENT + line);
    }
  }

  private static boolean blankLineBetween(Node previous, Node next) {
    List<SourceSpan> before = previous.getSourceSpans();
    List<SourceSpan> after = next.getSourceSpans();
    if (before.isEmpty() || after.isEmpty()) {
      return false;
    }
    return after.get(0).getLineIndex() - before.get(before.size() - 1).getLineIndex() > 1;
  }

  private List<String> inline(Node block, boolean bold) {
    Inline text = new Inline();
    if (bold) {
      text.bold(+1);
    }
    text.children(block);
    if (bold) {
      text.bold(-1);
    }
    return text.finish();
  }

  /**
   * Writes inline nodes as lines. Styles are closed at each line's end and opened again on the
   * next, so that an indent or bullet in front of a continued line is never styled.
   */
  private final class Inline extends AbstractVisitor {
    private final List<String> lines = new ArrayList<>();
    private StringBuilder line = new StringBuilder();
    private int bold;
    private int italic;

    void bold(int change) {
      if (change > 0 && bold++ == 0) {
        line.append(style.boldOn());
      } else if (change < 0 && --bold == 0) {
        line.append(style.boldOff());
      }
    }

    void italic(int change) {
      if (change > 0 && italic++ == 0) {
        line.append(style.italicOn());
      } else if (change < 0 && --italic == 0) {
        line.append(style.italicOff());
      }
    }

    void newline() {
      if (italic > 0) {
        line.append(style.italicOff());
      }
      if (bold > 0) {
        line.append(style.boldOff());
      }
      lines.add(line.toString());
      line = new StringBuilder();
      if (bold > 0) {
        line.append(style.boldOn());
      }
      if (italic > 0) {
        line.append(style.italicOn());
      }
    }

    void children(Node parent) {
      visitChildren(parent);
    }

    List<String> finish() {
      lines.add(line.toString());
      return lines;
    }

    @Override
    public void visit(Text text) {
      line.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
      // backticks are how every answer quotes a value (`2024-13-45`, `/top`): keep them, as
      // terminal programs keep their quotes, so a value reads the same on every platform
      line.append('`').append(code.getLiteral()).append('`');
    }

    @Override
    public void visit(Emphasis emphasis) {
      italic(+1);
      visitChildren(emphasis);
      italic(-1);
    }

    @Override
    public void visit(StrongEmphasis strong) {
      bold(+1);
      visitChildren(strong);
      bold(-1);
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
      newline();
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
      newline();
    }

    @Override
    public void visit(Link link) {
      visitChildren(link);
      String destination = link.getDestination();
      String shown = plainText(link);
      // an autolink (<https://…>) or a link titled with its own address shows the address once
      if (!destination.isEmpty() && !destination.equals(shown) && !destination.equals("mailto:" + shown)) {
        line.append(" <").append(destination).append('>');
      }
    }

    @Override
    public void visit(Image image) {
      String alt = plainText(image);
      line.append(alt.isEmpty() ? "[image]" : alt).append(" <").append(image.getDestination()).append('>');
    }

    @Override
    public void visit(HtmlInline html) {
      line.append(html.getLiteral());
    }
  }

  /** The text a node shows, without styling. */
  private static String plainText(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        sb.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        sb.append(code.getLiteral());
      }

      @Override
      public void visit(SoftLineBreak softLineBreak) {
        sb.append(' ');
      }

      @Override
      public void visit(HardLineBreak hardLineBreak) {
        sb.append(' ');
      }
    });
    return sb.toString();
  }
}
