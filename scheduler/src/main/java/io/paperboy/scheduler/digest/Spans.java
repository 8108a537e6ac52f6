package io.paperboy.scheduler.digest;

import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** Line positions of AST nodes, from their source spans (or their children's, for nodes without). */
final class Spans {

  static final int NONE = -1;

  private Spans() {}

  /** The 0-based first line of a node, or {@link #NONE}. */
  static int firstLine(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (!spans.isEmpty()) {
      return spans.get(0).getLineIndex();
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      int line = firstLine(child);
      if (line != NONE) {
        return line;
      }
    }
    return NONE;
  }

  /** The 0-based last line of a node, or {@link #NONE}. */
  static int lastLine(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (!spans.isEmpty()) {
      return spans.get(spans.size() - 1).getLineIndex();
    }
    for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
      int line = lastLine(child);
      if (line != NONE) {
        return line;
      }
    }
    return NONE;
  }

  /** The column just past a node's last span, or {@link #NONE}. */
  static int endColumn(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans.isEmpty()) {
      return NONE;
    }
    SourceSpan last = spans.get(spans.size() - 1);
    return last.getColumnIndex() + last.getLength();
  }

  /** The column of a node's first span, or {@link #NONE}. */
  static int startColumn(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? NONE : spans.get(0).getColumnIndex();
  }
}
