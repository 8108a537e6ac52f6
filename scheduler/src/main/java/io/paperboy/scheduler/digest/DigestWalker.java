package io.paperboy.scheduler.digest;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.ThematicBreak;

/**
 * One pass over a digest's top-level blocks: date headings set (and pin) the day, each {@code ###}
 * heading opens the next ranked paper, and the blocks under it become that paper's fields and
 * summary. Refuses the file at the first thing a digest cannot hold.
 */
final class DigestWalker {

  private final SourceText text;
  private final int maxPapers;
  private final List<DigestEntry> entries = new ArrayList<>();
  private final Map<String, Integer> headingLineById = new HashMap<>();
  private LocalDate date;
  private int dateLine;
  private PaperSection current;

  private DigestWalker(SourceText text, int maxPapers) {
    this.text = text;
    this.maxPapers = maxPapers;
  }

  static Digest walk(Node document, SourceText text, int maxPapers) throws DigestRejectedException {
    return new DigestWalker(text, maxPapers).walk(document);
  }

  private Digest walk(Node document) throws DigestRejectedException {
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      visit(block);
    }
    closePaper();
    if (entries.isEmpty()) {
      throw new DigestRejectedException(text.source(), 1, date == null
          ? "not a digest: no '## Daily Papers (YYYY-MM-DD)' heading and no '### [title](arXiv URL)' paper"
          : "no papers: the digest of " + date + " lists no '### [title](arXiv URL)' heading");
    }
    return new Digest(date, entries, text.source());
  }

  private void visit(Node block) throws DigestRejectedException {
    int first = Spans.firstLine(block);
    int last = Spans.lastLine(block);
    if (first == Spans.NONE) {
      return;
    }
    if (block instanceof Heading heading && heading.getLevel() <= 2) {
      readTopHeading(heading, first);
    } else if (block instanceof Heading heading && heading.getLevel() == 3) {
      closePaper();
      openPaper(heading, first);
    } else if (current == null || block instanceof ThematicBreak) {
      // text before the first paper is not part of any entry; a rule between papers only separates
      // them (one inside a summary stays, since the summary's later lines span it)
      return;
    } else if (block instanceof Paragraph paragraph) {
      readLines(paragraph);
    } else {
      current.summary(first, last);
    }
  }

  /**
   * A date heading pins the day; any other {@code #}/{@code ##} heading ends the paper before it —
   * except a paragraph that a {@code ---} line under it turned into a setext heading, which inside
   * a paper is still summary text (the line meant as a rule is left out, like any rule).
   */
  private void readTopHeading(Heading heading, int line) throws DigestRejectedException {
    Optional<LocalDate> named = DateHeading.read(heading, text.source(), line + 1);
    if (named.isEmpty()) {
      if (current != null && isSetext(line)) {
        readLines(heading);
      } else {
        closePaper();
      }
      return;
    }
    closePaper();
    if (date == null) {
      date = named.get();
      dateLine = line + 1;
    } else if (!date.equals(named.get())) {
      throw new DigestRejectedException(text.source(), line + 1, "second date " + named.get()
          + " in the digest of " + date + " (line " + dateLine + "); one file holds one day");
    }
  }

  private void openPaper(Heading heading, int line) throws DigestRejectedException {
    if (date == null) {
      throw new DigestRejectedException(text.source(), line + 1,
          "paper heading before any date heading (expected '## Daily Papers (YYYY-MM-DD)' first)");
    }
    if (entries.size() + (current == null ? 0 : 1) >= maxPapers) {
      throw new DigestRejectedException(text.source(), line + 1, "more than " + maxPapers + " papers in the digest of "
          + date + " (real days list at most about 70; the limit is ingest.max-papers-per-day)");
    }
    PaperHeading paper = PaperHeading.read(heading, text, line);
    Integer earlier = headingLineById.putIfAbsent(paper.arxivId(), line + 1);
    if (earlier != null) {
      throw new DigestRejectedException(text.source(), line + 1, "paper " + paper.arxivId()
          + " is listed twice in one day (first at line " + earlier + "); a ranked list holds a paper once");
    }
    current = new PaperSection(paper, entries.size() + 1);
  }

  private boolean isSetext(int line) {
    return !text.line(line).stripLeading().startsWith("#");
  }

  private void closePaper() {
    if (current != null) {
      entries.add(current.toEntry(date, text));
      current = null;
    }
  }

  /** Splits a paragraph at its line breaks: fields may share a paragraph when no blank line parts them. */
  private void readLines(Node paragraph) {
    List<Node> line = new ArrayList<>();
    for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        readLine(line);
        line = new ArrayList<>();
      } else {
        line.add(node);
      }
    }
    readLine(line);
  }

  private void readLine(List<Node> nodes) {
    if (nodes.isEmpty()) {
      return;
    }
    int first = Spans.firstLine(nodes.get(0));
    int last = Spans.lastLine(nodes.get(nodes.size() - 1));
    if (first == Spans.NONE || last == Spans.NONE) {
      return;
    }
    FieldLine field = FieldLine.classify(nodes);
    boolean top = current.beforeSummary();
    switch (field.kind()) {
      case VOTES -> current.votes(field.value(), first, last);
      case AUTHORS -> current.authors(field.value(), first, last);
      case MEDIA -> {
        if (top) {
          current.media(field.value(), first, last);
        } else {
          current.summary(first, last);
        }
      }
      case VIDEO_HTML -> {
        if (top) {
          current.media(field.value(), first, last);
        } else {
          current.skip(first, last);
        }
      }
      case HTML -> {
        if (top) {
          current.skip(first, last);
        } else {
          current.summary(first, last);
        }
      }
      default -> current.summary(first, last);
    }
  }
}
