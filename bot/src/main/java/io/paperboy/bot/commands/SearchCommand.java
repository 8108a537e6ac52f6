package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.format.TextCut;
import io.paperboy.core.message.Message;
import io.paperboy.store.PaperStore;
import io.paperboy.store.MatchCount;
import io.paperboy.store.SearchPage;
import io.paperboy.store.query.SearchInput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /search QUERY [n]}: full-text search over titles, authors and summaries, Korean included,
 * in the query language alerts use too (words, "phrases", OR, -word, (groups), title:/author:/summary:,
 * /regex/).
 */
public final class SearchCommand implements Command {

  static final int DEFAULT_N = 5;
  static final int MAX_N = 25;
  /** How much of the query an answer repeats: enough to recognise it, not a wall of text. */
  static final int ECHO = 80;

  private static final CommandDefinition DEFINITION = CommandDefinition.of("search",
      "Search titles, authors and summaries (Korean and English)",
      OptionDefinition.rest("query", "words, \"phrases\", OR, -word, title:/author:/summary:, /regex/", true)
          .withValue("QUERY"),
      OptionDefinition.integer("n", "how many papers (1-25, default 5)", false, 1, MAX_N).withValue("N"));

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
    SearchPage page = input.query().map(q -> store.searchPage(q, n))
        .orElse(new SearchPage(List.of(), MatchCount.exactly(0)));
    Optional<String> note = input.readAsPlainWords()
        .map(e -> "Read as plain words (query syntax, " + e.getMessage() + ").");
    String echo = TextCut.cut(query, ECHO);
    if (page.hits().isEmpty()) {
      return Message.ephemeralText(note.map(w -> w + " ").orElse("")
          + "No paper matches `" + echo.replace("`", "'") + "`.");
    }
    // the warning before the results: it says how the query was read, which explains them
    Message.Builder b = Message.builder().header("Search: " + echo);
    note.ifPresent(b::context);
    b.context(count(page, n));
    page.hits().forEach(h -> b.add(PaperCards.of(h.paper())));
    return b.build();
  }

  /** {@code 5 of 17 — add n:20 for more}, or {@code 3 matches} when every match is listed. */
  static String count(SearchPage page, int n) {
    int shown = page.hits().size();
    MatchCount matches = page.matches();
    String listed = shown == 1 ? "1 match" : shown + " matches";
    if (!page.more()) {
      return listed;
    }
    if (shown < n) {
      // an exclusion or a /regex/ is checked on a bounded set of candidates: a larger n finds no more
      return listed + " among the papers searched; others may match";
    }
    String total = (matches.exact() ? "" : "at least ") + String.format(Locale.ROOT, "%,d", matches.count());
    if (n >= MAX_N) {
      return shown + " of " + total + " — add words to narrow it down";
    }
    // the next round number that lists them all, as far as the option allows
    int more = Math.min(MAX_N, matches.exact() ? (matches.count() + 4) / 5 * 5 : MAX_N);
    return shown + " of " + total + " — add n:" + more + " for more";
  }
}
