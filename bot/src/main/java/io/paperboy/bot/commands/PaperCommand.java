package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.message.Message;
import io.paperboy.store.ArxivId;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /paper ID|URL}: one paper's card with every day it appeared and its links. */
public final class PaperCommand implements Command {

  private static final Pattern HF_URL = Pattern.compile("^https?://(?:www\\.)?huggingface\\.co/papers/([^/?#]+).*$");

  private static final CommandDefinition DEFINITION = CommandDefinition.of("paper",
      "Show one paper: title, authors, votes, summary and links",
      OptionDefinition.string("id", "arXiv id or URL, e.g. 2406.04325", true).withValue("ID|URL"));

  private final PaperStore store;

  public PaperCommand(PaperStore store) {
    this.store = store;
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Message handle(CommandRequest request) {
    String raw = request.string("id").orElseThrow();
    String id = parseId(raw).orElseThrow(() -> new UsageException(
        "`" + raw + "` is not an arXiv id or URL (expected something like `2406.04325`).", DEFINITION.usage()));
    Optional<Paper> paper = store.paper(id);
    if (paper.isEmpty()) {
      return Message.ephemeralText("No paper `" + id + "` in any stored digest. "
          + store.latestDigestDate().map(d -> "The latest digest is from " + d + "; try `/top " + d + "`.")
              .orElse("No digest has been ingested yet."));
    }
    Paper p = paper.get();
    return Message.builder()
        .add(PaperCards.of(p))
        .context("Abstract: " + p.url(), "PDF: " + p.pdfUrl(), "Hugging Face: " + p.huggingFaceUrl())
        .build();
  }

  private static Optional<String> parseId(String raw) {
    Matcher hf = HF_URL.matcher(raw.trim());
    return hf.matches() ? ArxivId.parse(hf.group(1)) : ArxivId.parse(raw);
  }
}
