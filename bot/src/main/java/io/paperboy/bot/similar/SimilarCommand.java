package io.paperboy.bot.similar;

import io.paperboy.bot.commands.PaperCommand;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.command.Workload;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.format.TextCut;
import io.paperboy.core.message.Message;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.similar.SimilarPapers;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /similar ID [n]}: the papers most like one paper by title and summary, most alike first,
 * each card followed by the words it shares with the paper and how alike they are.
 */
public final class SimilarCommand implements Command {

  static final int DEFAULT_N = 5;
  static final int MAX_N = 10;
  /** How much of the paper's title the header repeats. */
  private static final int TITLE = 120;

  private static final CommandDefinition DEFINITION = CommandDefinition.of("similar",
      "Papers most like one paper, by title and summary, with the words they share",
      OptionDefinition.string("id", "arXiv id or URL, e.g. 2406.04325", true).withValue("ID|URL"),
      OptionDefinition.integer("n", "how many papers (1-" + MAX_N + ", default " + DEFAULT_N + ")", false, 1, MAX_N)
          .withValue("N"));

  private final PaperStore store;
  private final SimilarPapers similar;

  public SimilarCommand(PaperStore store, SimilarPapers similar) {
    this.store = Objects.requireNonNull(store, "store");
    this.similar = Objects.requireNonNull(similar, "similar");
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  /** The first call builds the index (seconds at 100,000 papers), so it runs apart and answers later. */
  @Override
  public Workload workload() {
    return Workload.HEAVY;
  }

  @Override
  public Message handle(CommandRequest request) {
    String raw = request.string("id").orElseThrow().strip();
    String id = PaperCommand.parseId(raw).orElseThrow(() -> new UsageException(
        "`" + raw.replace("`", "'") + "` is not an arXiv id or URL (expected something like `2406.04325`).",
        DEFINITION.usage()));
    int n = request.integer("n").orElse((long) DEFAULT_N).intValue();
    Optional<Paper> paper = store.paper(id);
    if (paper.isEmpty()) {
      return Message.ephemeralText("No paper `" + id + "` in any stored digest, so there is nothing to compare it with. "
          + store.latestDigestDate().map(d -> "The latest digest is from " + d + "; try `/top " + d + "`.")
              .orElse("No digest has been ingested yet."));
    }
    Paper p = paper.get();
    List<SimilarPapers.Related> related = similar.similar(p.arxivId(), n).orElse(List.of());
    if (related.isEmpty()) {
      return Message.ephemeralText("No stored paper shares enough words with `" + p.arxivId() + "` ("
          + TextCut.cut(p.title(), TITLE) + ") to count as similar.");
    }
    Message.Builder b = Message.builder()
        .header(TextCut.cut("Similar to " + p.arxivId() + ": " + p.title(), 150))
        .context((related.size() == 1 ? "1 paper" : related.size() + " papers")
            + " alike by title and summary, most alike first");
    for (SimilarPapers.Related r : related) {
      b.add(PaperCards.of(r.paper()));
      b.context(reason(r));
    }
    return b.build();
  }

  /** {@code Shares: 비디오, 확산모델, diffusion · 42% alike} — plain text, a context line. */
  static String reason(SimilarPapers.Related r) {
    return "Shares: " + String.join(", ", r.sharedWords()) + " · "
        + String.format(Locale.ROOT, "%.0f%%", r.score() * 100) + " alike";
  }
}
