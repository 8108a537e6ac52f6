package io.paperboy.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The latest view of a paper across all days that listed it.
 *
 * @param arxivId arXiv id without version
 * @param title   title as most recently listed
 * @param url     abstract URL as most recently listed
 * @param votes   most recent vote count, if known
 * @param authors most recent author list
 * @param authorsMore whether that list was cut short ({@link DigestEntry#authorsMore})
 * @param media   most recent thumbnail or video URL
 * @param summary most recent summary (markdown)
 * @param dates   every digest date that listed the paper, oldest first
 */
public record Paper(
    String arxivId,
    String title,
    String url,
    Optional<Integer> votes,
    List<String> authors,
    boolean authorsMore,
    Optional<String> media,
    String summary,
    List<LocalDate> dates) {

  public Paper {
    authors = List.copyOf(authors);
    dates = List.copyOf(dates);
  }

  /** A paper whose author list is complete. */
  public Paper(String arxivId, String title, String url, Optional<Integer> votes, List<String> authors,
      Optional<String> media, String summary, List<LocalDate> dates) {
    this(arxivId, title, url, votes, authors, false, media, summary, dates);
  }

  /** The arXiv PDF URL of this paper. */
  public String pdfUrl() {
    return PaperLinks.pdfUrl(arxivId);
  }

  /** The Hugging Face paper page. */
  public String huggingFaceUrl() {
    return PaperLinks.huggingFaceUrl(arxivId);
  }
}
