package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.format.TextCut;
import io.paperboy.core.message.Message;
import io.paperboy.store.ArxivId;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.similar.SimilarPapers;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /paper ID|URL}: one paper's card with every day it appeared and its links, and up to
 * {@value #RELATED} related papers (those {@code /similar} lists first) with the words they share.
 */
public final class PaperCommand implements Command {

  private static final Pattern HF_URL = Pattern.compile("^https?://(?:www\\.)?huggingface\\.co/papers/([^/?#]+).*$");

  private static final CommandDefinition DEFINITION = CommandDefinition.of("paper",
      "Show one paper: title, authors, votes, summary and links",
      OptionDefinition.string("id", "arXiv id or URL, e.g. 2406.04325", true).withValue("ID|URL"));

  /** How many related papers the card lists. */
  public static final int RELATED = 3;
  private static final int RELATED_TITLE = 90;

  private final PaperStore store;
  private final Optional<SimilarPapers> similar;

  /** Cards without related papers. */
  public PaperCommand(PaperStore store) {
    this.store = store;
    this.similar = Optional.empty();
  }

  /** Cards with up to {@value #RELATED} related papers found by {@code similar}. */
  public PaperCommand(PaperStore store, SimilarPapers similar) {
    this.store = store;
    this.similar = Optional.of(similar);
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
    Message.Builder b = Message.builder()
        .add(PaperCards.of(p))
        .context("Abstract: " + p.url(), "PDF: " + p.pdfUrl(), "Hugging Face: " + p.huggingFaceUrl());
    List<SimilarPapers.Related> related = similar.flatMap(s -> s.similar(p.arxivId(), RELATED)).orElse(List.of());
    if (!related.isEmpty()) {
      b.context("Related papers (/similar " + p.arxivId() + " for more):");
      // one context line per paper: plain text, so a title's markdown characters stay as they are
      for (SimilarPapers.Related r : related) {
        b.context(r.paper().arxivId() + " · " + TextCut.cut(r.paper().title(), RELATED_TITLE) + " — shares "
            + String.join(", ", r.sharedWords()));
      }
    }
    return b.build();
  }

  /** An arXiv id from an id, an arXiv URL or a Hugging Face paper URL; shared with {@code /similar}. */
  public static Optional<String> parseId(String raw) {
    Matcher hf = HF_URL.matcher(raw.trim());
    return hf.matches() ? ArxivId.parse(hf.group(1)) : ArxivId.parse(raw);
  }
}
