package io.paperboy.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One paper as one day's digest listed it. Kept verbatim so that history stays faithful even when
 * a later day lists the same paper with other votes or another title spelling.
 *
 * @param date    the digest's date
 * @param rank    position in that day's list, from 1
 * @param arxivId arXiv id without version suffix, e.g. {@code 2406.04325}
 * @param title   the title exactly as listed that day
 * @param url     the abstract URL as listed
 * @param votes   the vote count, empty when the digest gave none or {@code Vote: -}
 * @param authors author names in listed order, possibly empty
 * @param authorsMore whether the digest cut the author list (a lone {@code +} item): the paper has
 *     more authors than {@code authors} names, so cards say "25+ authors" or "et al."
 * @param media   thumbnail image or video URL, if any
 * @param summary the summary as markdown, structure intact
 */
public record DigestEntry(
    LocalDate date,
    int rank,
    String arxivId,
    String title,
    String url,
    Optional<Integer> votes,
    List<String> authors,
    boolean authorsMore,
    Optional<String> media,
    String summary) {

  public DigestEntry {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(arxivId, "arxivId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(summary, "summary");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, was " + rank);
    }
    authors = List.copyOf(authors);
  }

  /** An entry whose author list is complete (no {@code +} cut). */
  public DigestEntry(LocalDate date, int rank, String arxivId, String title, String url, Optional<Integer> votes,
      List<String> authors, Optional<String> media, String summary) {
    this(date, rank, arxivId, title, url, votes, authors, false, media, summary);
  }

  private static final java.util.regex.Pattern VIDEO =
      java.util.regex.Pattern.compile(".*\\.(mp4|webm|mov)(\\?.*)?$", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** Whether the media URL names a video rather than a thumbnail image. */
  public boolean hasVideo() {
    return media.map(DigestEntry::isVideoUrl).orElse(false);
  }

  /** Whether a media URL names a video (mp4, webm, mov) rather than an image. */
  public static boolean isVideoUrl(String url) {
    return VIDEO.matcher(url).matches();
  }
}
