package io.paperboy.scheduler.digest;

import io.paperboy.store.DigestEntry;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * What one paper heading and the blocks under it say, collected line by line: field lines (media,
 * {@code Vote:}, {@code Authors:}) are read and left out of the summary; every other block's lines
 * make the summary, which is cut from the source so its markdown stays exactly as written.
 */
final class PaperSection {

  private final PaperHeading heading;
  private final int rank;

  private Optional<String> media = Optional.empty();
  private Optional<Integer> votes = Optional.empty();
  private boolean votesSeen;
  private FieldValues.AuthorNames authors = new FieldValues.AuthorNames(List.of(), false);
  private boolean authorsSeen;

  private final BitSet fieldLines = new BitSet();
  private int summaryFirst = -1;
  private int summaryLast = -1;

  PaperSection(PaperHeading heading, int rank) {
    this.heading = heading;
    this.rank = rank;
  }

  PaperHeading heading() {
    return heading;
  }

  /** True until the first summary line: media lines only count as the paper's media up here. */
  boolean beforeSummary() {
    return summaryFirst < 0;
  }

  /** Lines {@code first..last} show the paper's media; the first media seen wins. */
  void media(String url, int first, int last) {
    if (media.isEmpty() && !url.isBlank()) {
      media = Optional.of(url);
    }
    fieldLines.set(first, last + 1);
  }

  /** Lines {@code first..last} are a {@code Vote:} line; the first one wins. */
  void votes(String value, int first, int last) {
    if (!votesSeen) {
      votes = FieldValues.votes(value);
      votesSeen = true;
    }
    fieldLines.set(first, last + 1);
  }

  /** Lines {@code first..last} are an {@code Authors:} line; the first one wins. */
  void authors(String value, int first, int last) {
    if (!authorsSeen) {
      authors = FieldValues.authorList(value);
      authorsSeen = true;
    }
    fieldLines.set(first, last + 1);
  }

  /** Lines {@code first..last} are not part of the entry at all (a video's HTML line). */
  void skip(int first, int last) {
    fieldLines.set(first, last + 1);
  }

  /** Lines {@code first..last} belong to the summary. */
  void summary(int first, int last) {
    if (summaryFirst < 0) {
      summaryFirst = first;
    }
    summaryLast = Math.max(summaryLast, last);
  }

  DigestEntry toEntry(LocalDate date, SourceText text) {
    return new DigestEntry(date, rank, heading.arxivId(), heading.title(), heading.url(), votes, authors.names(),
        authors.more(), media, summary(text));
  }

  /**
   * The summary's source lines without the field lines among them. Removing a field line between
   * two blank lines would leave a double blank line, so one blank line after a removal is dropped.
   */
  private String summary(SourceText text) {
    if (summaryFirst < 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    boolean emitted = false;
    boolean lastWasBlank = false;
    boolean removedSinceLast = false;
    for (int i = summaryFirst; i <= summaryLast; i++) {
      if (fieldLines.get(i)) {
        removedSinceLast = true;
        continue;
      }
      String line = text.line(i);
      boolean blank = line.isBlank();
      if (blank && lastWasBlank && removedSinceLast) {
        continue;
      }
      if (emitted) {
        out.append('\n');
      }
      out.append(line);
      emitted = true;
      lastWasBlank = blank;
      removedSinceLast = false;
    }
    return out.toString().strip();
  }
}
