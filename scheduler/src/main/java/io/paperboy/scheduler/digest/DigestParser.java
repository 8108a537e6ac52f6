package io.paperboy.scheduler.digest;

import io.paperboy.store.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses one day of the Daily Papers markdown digest into a {@link Digest}: the date from
 * {@code ## Daily Papers (YYYY-MM-DD)}, then one ranked entry per {@code ### [title](arXiv URL)}
 * heading with its media, votes, authors and summary (its markdown as written). Takes every shape
 * the public history used (see {@code digest-format.md}); refuses a file that is not a digest as a
 * whole, with a {@link DigestRejectedException} saying {@code file:line: reason}.
 *
 * <p>Thread-safe and reusable; a 70-paper day parses in a few milliseconds.
 */
public final class DigestParser {

  /** Files larger than this are refused from their size, without being read. */
  public static final long MAX_FILE_BYTES = SourceText.MAX_BYTES;

  // Raw HTML blocks are switched off on purpose: an HTML block runs to the next blank line, so the
  // history's `<div><video …></div>` line directly followed by `Vote:`, `Authors:`, bullets and even
  // the next `###` heading would all vanish into it. Without them each raw HTML line is inline
  // HTML in a paragraph, which the field reader takes line by line; summaries are cut from the
  // source, so their text is the same either way.
  private static final Set<Class<? extends Block>> BLOCK_TYPES = Set.of(
      Heading.class, ThematicBreak.class, FencedCodeBlock.class, IndentedCodeBlock.class,
      BlockQuote.class, ListBlock.class);

  /**
   * Papers one day may list unless configured otherwise: real days list at most about 70, so a
   * file with more is broken or hostile (100,000 papers fit in the 5 MiB file limit and would
   * flood every channel).
   */
  public static final int DEFAULT_MAX_PAPERS = 1_000;

  private final Parser markdown = Parser.builder()
      .enabledBlockTypes(BLOCK_TYPES)
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .build();
  private final int maxPapers;

  /** A parser that refuses a day of more than {@link #DEFAULT_MAX_PAPERS} papers. */
  public DigestParser() {
    this(DEFAULT_MAX_PAPERS);
  }

  /** @param maxPapers papers one day may list; a file with more is refused at the first paper too many */
  public DigestParser(int maxPapers) {
    if (maxPapers < 1) {
      throw new IllegalArgumentException("maxPapers must be at least 1, was " + maxPapers);
    }
    this.maxPapers = maxPapers;
  }

  /**
   * Parses a digest file. Its size is checked before anything is read.
   *
   * @throws DigestRejectedException when the file is not a digest or cannot be read
   */
  public Digest parse(Path file) throws DigestRejectedException {
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw SourceText.tooLarge(source, size);
      }
      byte[] content;
      try (InputStream in = Files.newInputStream(file)) {
        // bounded even if the file grew since Files.size: one byte past the limit is enough to refuse
        content = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
      return parse(source, content);
    } catch (NoSuchFileException e) {
      throw new DigestRejectedException(source, 1, "no such file");
    } catch (IOException e) {
      throw new DigestRejectedException(source, 1, "cannot read the file: " + e);
    }
  }

  /**
   * Parses a digest's bytes (UTF-8, an optional BOM, any line endings).
   *
   * @param sourceName names the digest in entries' {@link Digest#source()} and in refusals
   * @throws DigestRejectedException when the content is not a digest
   */
  public Digest parse(String sourceName, byte[] content) throws DigestRejectedException {
    SourceText text = SourceText.decode(sourceName, content);
    return DigestWalker.walk(markdown.parse(text.text()), text, maxPapers);
  }
}
