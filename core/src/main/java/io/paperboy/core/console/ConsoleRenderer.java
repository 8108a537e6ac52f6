package io.paperboy.core.console;

import io.paperboy.core.format.AuthorList;
import io.paperboy.core.format.Latex;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import java.io.IOException;
import java.util.Optional;

/**
 * Draws a message as readable terminal text. Markdown stays markdown: it reads well as it is. An
 * attached image (a chart) prints as its text version, plus where it was saved when the renderer
 * has {@link AttachmentFiles} to save it in.
 */
public final class ConsoleRenderer {

  private static final String RULE = "─".repeat(60);

  private final BlockText blocks;

  /** A renderer that saves no files: an attached image shows only as its text version. */
  public ConsoleRenderer() {
    this.blocks = new BlockText(Optional.empty());
  }

  /** A renderer that saves attached images with {@code files} and prints their paths. */
  public ConsoleRenderer(AttachmentFiles files) {
    this.blocks = new BlockText(Optional.of(files));
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
  private static final class BlockText implements Block.Visitor<String> {
    private final Optional<AttachmentFiles> files;

    BlockText(Optional<AttachmentFiles> files) {
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
      return "══ " + header.text() + " ══\n";
    }

    @Override
    public String visit(Block.Text text) {
      return text.markdown().strip() + "\n";
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
      return "[image] " + image.url() + "\n";
    }

    @Override
    public String visit(Block.PaperCard card) {
      StringBuilder out = new StringBuilder("\n");
      card.rank().ifPresent(r -> out.append('#').append(r).append(' '));
      out.append(Latex.readable(card.title())).append('\n');
      out.append("   ").append(card.absUrl()).append('\n');
      out.append("   ").append(PaperCards.smallPrint(card)).append('\n');
      if (!card.authors().isEmpty()) {
        out.append("   Authors: ").append(AuthorList.shorten(card.authors())).append('\n');
      }
      card.video().ifPresent(v -> out.append("   Video: ").append(v).append('\n'));
      String summary = card.summary().strip();
      if (!summary.isEmpty()) {
        for (String line : Latex.readable(summary).split("\n", -1)) {
          out.append("   ").append(line).append('\n');
        }
      }
      return out.toString();
    }
  }
}
