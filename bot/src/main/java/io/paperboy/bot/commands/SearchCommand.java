package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.message.Message;
import io.paperboy.store.PaperStore;
import io.paperboy.store.SearchHit;
import io.paperboy.store.query.SearchInput;
import java.util.List;

/**
 * {@code /search QUERY [n]}: full-text search over titles, authors and summaries, Korean included,
 * in the query language alerts use too (words, "phrases", OR, -word, (groups), title:/author:/summary:,
 * /regex/).
 */
public final class SearchCommand implements Command {

  static final int DEFAULT_N = 5;

  private static final CommandDefinition DEFINITION = CommandDefinition.of("search",
      "Search titles, authors and summaries (Korean and English)",
      OptionDefinition.rest("query", "words, \"phrases\", OR, -word, title:/author:/summary:, /regex/", true),
      OptionDefinition.integer("n", "how many papers (1-25, default 5)", false, 1, 25));

  private final PaperStore store;

  public SearchCommand(PaperStore store) {
    this.store = store;
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Message handle(CommandRequest request) {
    String query = request.string("query").orElse("").strip();
    if (query.isEmpty()) {
      throw new UsageException("Give some words to search for.", DEFINITION.usage());
    }
    int n = request.integer("n").orElse((long) DEFAULT_N).intValue();
    // a search box forgives: what is not valid syntax is searched as plain words ("C++", "foo\"")
    SearchInput input = SearchInput.parse(query);
    List<SearchHit> hits = input.query().map(q -> store.search(q, n)).orElse(List.of());
    String note = input.readAsPlainWords()
        .map(e -> "Read as plain words (query syntax, " + e.getMessage() + ").").orElse(null);
    if (hits.isEmpty()) {
      return Message.ephemeralText("No paper matches `" + query.replace("`", "'") + "`."
          + (note == null ? "" : " " + note));
    }
    Message.Builder b = Message.builder().header("Search: " + query);
    hits.forEach(h -> b.add(PaperCards.of(h.paper())));
    if (note != null) {
      b.context(note);
    }
    return b.build();
  }
}
