package io.paperboy.core.console;

import io.paperboy.core.format.AuthorList;
import io.paperboy.core.format.Latex;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;

/** Draws a message as readable terminal text. Markdown stays markdown: it reads well as it is. */
public final class ConsoleRenderer {

  private static final String RULE = "─".repeat(60);

  public String render(Message message) {
    StringBuilder out = new StringBuilder();
    message.mention().ifPresent(m -> out.append("@").append(m.id()).append('\n'));
    for (Block block : message.blocks()) {
      out.append(block.accept(BlockText.INSTANCE));
    }
    return out.toString();
  }

  /** Each block as the lines it prints, newline-terminated. */
  private enum BlockText implements Block.Visitor<String> {
    INSTANCE;

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
