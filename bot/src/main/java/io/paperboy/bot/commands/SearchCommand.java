package io.paperboy.bot.commands;

import io.paperboy.bot.command.Command;
import io.paperboy.bot.command.CommandDefinition;
import io.paperboy.bot.command.CommandRequest;
import io.paperboy.bot.command.OptionDefinition;
import io.paperboy.bot.command.UsageException;
import io.paperboy.bot.format.PaperCards;
import io.paperboy.bot.message.Message;
import io.paperboy.store.PaperStore;
import io.paperboy.store.SearchHit;
import java.util.List;

/** {@code /search QUERY [n]}: full-text search over titles, authors and summaries, Korean included. */
public final class SearchCommand implements Command {

  static final int DEFAULT_N = 5;
  static final int MAX_QUERY = 200;

  private static final CommandDefinition DEFINITION = CommandDefinition.of("search",
      "Search titles, authors and summaries (Korean and English)",
      OptionDefinition.rest("query", "words to find, e.g. 확산 모델", true),
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
    if (query.length() > MAX_QUERY) {
      throw new UsageException("The query is " + query.length() + " characters; at most " + MAX_QUERY + " please.",
          DEFINITION.usage());
    }
    int n = request.integer("n").orElse((long) DEFAULT_N).intValue();
    List<SearchHit> hits = store.search(query, n);
    if (hits.isEmpty()) {
      return Message.ephemeralText("No paper matches `" + query.replace("`", "'") + "`.");
    }
    Message.Builder b = Message.builder().header("Search: " + query);
    hits.forEach(h -> b.add(PaperCards.of(h.paper())));
    return b.build();
  }
}
