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
      if (block instanceof Block.Header h) {
        out.append("══ ").append(h.text()).append(" ══\n");
      } else if (block instanceof Block.Text t) {
        out.append(t.markdown().strip()).append('\n');
      } else if (block instanceof Block.Context c) {
        out.append(String.join(" · ", c.items())).append('\n');
      } else if (block instanceof Block.Divider) {
        out.append(RULE).append('\n');
      } else if (block instanceof Block.Image i) {
        out.append("[image] ").append(i.url()).append('\n');
      } else if (block instanceof Block.PaperCard card) {
        card(out, card);
      }
    }
    return out.toString();
  }

  private static void card(StringBuilder out, Block.PaperCard card) {
    out.append('\n');
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
  }
}
