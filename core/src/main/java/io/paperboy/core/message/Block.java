package io.paperboy.core.message;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One piece of a {@link Message}. Text fields hold CommonMark markdown unless named plain. */
public sealed interface Block {

  /** A title line, plain text. */
  record Header(String text) implements Block {
    public Header {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A paragraph or more of markdown (bold, italics, lists, links, inline code). */
  record Text(String markdown) implements Block {
    public Text {
      Objects.requireNonNull(markdown, "markdown");
    }
  }

  /** Small print under something: votes, dates, counts. Each item is plain text. */
  record Context(List<String> items) implements Block {
    public Context {
      items = List.copyOf(items);
    }
  }

  /** A visual separator. */
  record Divider() implements Block {}

  /** A standalone image. */
  record Image(String url, String altText) implements Block {
    public Image {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(altText, "altText");
    }
  }

  /**
   * One paper, drawn as a card: title linked to the abstract, summary, small print, thumbnail.
   *
   * @param arxivId   arXiv id without version
   * @param title     the title as listed (may contain LaTeX-ish {@code $\times$}, {@code &}, brackets)
   * @param absUrl    abstract URL
   * @param summary   summary as markdown
   * @param votes     vote count, if known
   * @param authors   every author, in order; renderers shorten with
   *                  {@link io.paperboy.core.format.AuthorList}
   * @param thumbnail image URL to show, if any
   * @param video     video URL to link, if any
   * @param dates     digest dates that listed the paper, oldest first (may be just the one day)
   * @param rank      rank in the day's list, when the card stands for a day's entry
   */
  record PaperCard(
      String arxivId,
      String title,
      String absUrl,
      String summary,
      Optional<Integer> votes,
      List<String> authors,
      Optional<String> thumbnail,
      Optional<String> video,
      List<LocalDate> dates,
      Optional<Integer> rank) implements Block {

    public PaperCard {
      Objects.requireNonNull(arxivId, "arxivId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(absUrl, "absUrl");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(votes, "votes");
      Objects.requireNonNull(thumbnail, "thumbnail");
      Objects.requireNonNull(video, "video");
      Objects.requireNonNull(rank, "rank");
      authors = List.copyOf(authors);
      dates = List.copyOf(dates);
    }

    public String pdfUrl() {
      return "https://arxiv.org/pdf/" + arxivId;
    }

    public String huggingFaceUrl() {
      return "https://huggingface.co/papers/" + arxivId;
    }
  }
}
