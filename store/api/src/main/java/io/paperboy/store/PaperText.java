package io.paperboy.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /similar} compares of a paper: its latest title and summary (the view {@link Paper}
 * keeps), and its latest votes to break ties.
 *
 * @param arxivId arXiv id without version
 * @param title   title as most recently listed
 * @param summary summary as most recently listed (markdown)
 * @param votes   most recent vote count, if known
 */
public record PaperText(String arxivId, String title, String summary, Optional<Integer> votes) {

  public PaperText {
    Objects.requireNonNull(arxivId, "arxivId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(votes, "votes");
  }
}
