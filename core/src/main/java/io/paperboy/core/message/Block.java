package io.paperboy.core.message;

import io.paperboy.store.PaperLinks;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One piece of a {@link Message}. Text fields hold CommonMark markdown unless named plain.
 *
 * <p>Whoever draws blocks implements {@link Visitor}: one {@code visit} per kind, so a new kind
 * of block does not compile until every renderer draws it (see {@code package-info.java}).
 */
public sealed interface Block {

  /** Hands this block to the visitor's {@code visit} for its kind. */
  <R> R accept(Visitor<R> visitor);

  /**
   * Something that draws (or otherwise handles) every kind of block. Adding a block kind adds a
   * method here, and every implementation stops compiling until it says what to do with it.
   *
   * @param <R> what one block turns into
   */
  interface Visitor<R> {
    R visit(Header header);

    R visit(Text text);

    R visit(Context context);

    R visit(Divider divider);

    R visit(Image image);

    R visit(PaperCard card);

    R visit(Attachment attachment);
  }

  /** A title line, plain text. */
  record Header(String text) implements Block {
    public Header {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A paragraph or more of markdown (bold, italics, lists, links, inline code). */
  record Text(String markdown) implements Block {
    public Text {
      Objects.requireNonNull(markdown, "markdown");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** Small print under something: votes, dates, counts. Each item is plain text. */
  record Context(List<String> items) implements Block {
    public Context {
      items = List.copyOf(items);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A visual separator. */
  record Divider() implements Block {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A standalone image. */
  record Image(String url, String altText) implements Block {
    public Image {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(altText, "altText");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * An image the message carries itself (a chart drawn for this answer), not a link to one:
   * Discord attaches the file and shows it in an embed, Slack uploads it into the channel, the
   * console saves it and prints its {@code textVersion}.
   *
   * @param fileName    the file's name, e.g. {@code trend.png}: letters, digits, {@code . _ -},
   *                    ending in {@code .png} (Discord refers to it as {@code attachment://trend.png})
   * @param png         the PNG bytes
   * @param altText     what the image shows, for screen readers (at most {@value #MAX_ALT_TEXT}
   *                    characters, within Slack's 1,000 and Discord's 1,024)
   * @param textVersion the same content as plain text lines, for where no image can go (a
   *                    terminal, a message only its reader sees on Slack), e.g. sparklines
   */
  record Attachment(String fileName, byte[] png, String altText, List<String> textVersion) implements Block {

    /** Alt text limit: below Slack's {@code alt_txt} limit of 1,000 characters. */
    public static final int MAX_ALT_TEXT = 1_000;

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}\\.png");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public Attachment {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(png, "png");
      Objects.requireNonNull(altText, "altText");
      if (!FILE_NAME.matcher(fileName).matches()) {
        throw new IllegalArgumentException("attachment file name must be letters, digits, '.', '_', '-' ending in .png: "
            + fileName);
      }
      if (png.length < PNG_SIGNATURE.length
          || !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
        throw new IllegalArgumentException(fileName + " is not a PNG image");
      }
      if (altText.length() > MAX_ALT_TEXT) {
        throw new IllegalArgumentException(fileName + ": alt text longer than " + MAX_ALT_TEXT + " characters");
      }
      png = png.clone();
      textVersion = List.copyOf(textVersion);
    }

    /** A copy of the PNG bytes (the record stays immutable). */
    @Override
    public byte[] png() {
      return png.clone();
    }

    /** The size of the PNG in bytes. */
    public int size() {
      return png.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Attachment a && fileName.equals(a.fileName) && Arrays.equals(png, a.png)
          && altText.equals(a.altText) && textVersion.equals(a.textVersion);
    }

    @Override
    public int hashCode() {
      return Objects.hash(fileName, Arrays.hashCode(png), altText, textVersion);
    }

    @Override
    public String toString() {
      return "Attachment[" + fileName + ", " + png.length + " bytes, alt=" + altText + "]";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
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
      boolean authorsMore,
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

    /** A card whose author list is complete. */
    public PaperCard(String arxivId, String title, String absUrl, String summary, Optional<Integer> votes,
        List<String> authors, Optional<String> thumbnail, Optional<String> video, List<LocalDate> dates,
        Optional<Integer> rank) {
      this(arxivId, title, absUrl, summary, votes, authors, false, thumbnail, video, dates, rank);
    }

    /** The arXiv PDF ({@link PaperLinks}, shared with the stored paper). */
    public String pdfUrl() {
      return PaperLinks.pdfUrl(arxivId);
    }

    /** The paper's Hugging Face page ({@link PaperLinks}). */
    public String huggingFaceUrl() {
      return PaperLinks.huggingFaceUrl(arxivId);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
