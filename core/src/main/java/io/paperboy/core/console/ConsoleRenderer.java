package io.paperboy.core.console;

import io.paperboy.core.format.AuthorList;
import io.paperboy.core.format.Latex;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Draws a message as terminal text: markdown is rendered (see {@link TerminalMarkdown}), never
 * shown as markup, and styled only when the {@link TerminalStyle} says the reader is a terminal.
 * An attached image (a chart) prints as its text version, plus where it was saved when the
 * renderer has {@link AttachmentFiles} to save it in.
 */
public final class ConsoleRenderer {

  private static final String RULE = "─".repeat(60);
  private static final String CARD_INDENT = "   ";

  private final TerminalStyle style;
  private final BlockText blocks;

  /** A renderer for plain text: no control codes (pipes, files, tests). */
  public ConsoleRenderer() {
    this(TerminalStyle.PLAIN);
  }

  public ConsoleRenderer(TerminalStyle style) {
    this(style, Optional.empty());
  }

  /** A renderer that also saves attached images with {@code files} and prints their paths. */
  public ConsoleRenderer(TerminalStyle style, AttachmentFiles files) {
    this(style, Optional.of(files));
  }

  private ConsoleRenderer(TerminalStyle style, Optional<AttachmentFiles> files) {
    this.style = Objects.requireNonNull(style, "style");
    this.blocks = new BlockText(new TerminalMarkdown(style), files);
  }

  public TerminalStyle style() {
    return style;
  }

  public String render(Message message) {
    StringBuilder out = new StringBuilder();
    message.mention().ifPresent(m -> out.append("@").append(m.id()).append('\n'));
    for (Block block : message.blocks()) {
      out.append(block.accept(blocks));
    }
    return out.toString();
  }

  /** Each block as the lines it prints, newline-terminated. */
  private final class BlockText implements Block.Visitor<String> {
    private final TerminalMarkdown markdown;
    private final Optional<AttachmentFiles> files;

    BlockText(TerminalMarkdown markdown, Optional<AttachmentFiles> files) {
      this.markdown = markdown;
      this.files = files;
    }

    @Override
    public String visit(Block.Attachment attachment) {
      StringBuilder out = new StringBuilder();
      attachment.textVersion().forEach(line -> out.append(line).append('\n'));
      if (files.isEmpty()) {
        return out.append("[").append(attachment.fileName()).append(": not saved]\n").toString();
      }
      try {
        out.append(attachment.fileName()).append(" saved as ").append(files.get().save(attachment)).append('\n');
      } catch (IOException | RuntimeException e) {
        // the answer is still worth reading without its image; say why the file is missing
        out.append("[").append(attachment.fileName()).append(" could not be saved in ").append(files.get().dir())
            .append(": ").append(e.getMessage()).append("]\n");
      }
      return out.toString();
    }

    @Override
    public String visit(Block.Header header) {
      return style.bold("══ " + header.text() + " ══") + "\n";
    }

    @Override
    public String visit(Block.Text text) {
      StringBuilder out = new StringBuilder();
      markdown.lines(text.markdown()).forEach(line -> out.append(line).append('\n'));
      return out.toString();
    }

    @Override
    public String visit(Block.Context context) {
      return String.join(" · ", context.items()) + "\n";
    }

    @Override
    public String visit(Block.Divider divider) {
      return RULE + "\n";
    }

    @Override
    public String visit(Block.Image image) {
      return (image.altText().isBlank() ? "[image]" : image.altText()) + " <" + image.url() + ">\n";
    }

    @Override
    public String visit(Block.PaperCard card) {
      StringBuilder out = new StringBuilder("\n");
      String rank = card.rank().map(r -> "#" + r + " ").orElse("");
      out.append(style.bold(rank + Latex.readable(card.title()))).append('\n');
      out.append(CARD_INDENT).append(card.absUrl()).append('\n');
      out.append(CARD_INDENT).append(PaperCards.smallPrint(card)).append('\n');
      if (!card.authors().isEmpty()) {
        out.append(CARD_INDENT).append("Authors: ").append(AuthorList.of(card)).append('\n');
      }
      card.video().ifPresent(v -> out.append(CARD_INDENT).append("Video: ").append(v).append('\n'));
      String summary = card.summary().strip();
      if (!summary.isEmpty()) {
        for (String line : markdown.lines(Latex.readable(summary))) {
          out.append(line.isEmpty() ? "" : CARD_INDENT + line).append('\n');
        }
      }
      return out.toString();
    }
  }
}
