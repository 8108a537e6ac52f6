package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.message.Message;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import java.time.ZoneId;
import java.util.List;

/** {@code /top [today|yesterday|week|month|YYYY-MM-DD] [n]}: the most voted papers of a period. */
public final class TopCommand implements Command {

  static final int DEFAULT_N = 10;

  private static final CommandDefinition DEFINITION = CommandDefinition.of("top",
      "The most voted papers of a day, week or month",
      OptionDefinition.date("period", "today, yesterday, week, month or a date (default today)", false, Period.KEYWORDS),
      OptionDefinition.integer("n", "how many papers (1-25, default 10)", false, 1, 25));

  private final PaperStore store;
  private final ZoneId zone;

  /** @param zone the zone that defines "today" */
  public TopCommand(PaperStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Message handle(CommandRequest request) {
    Period period = Period.parse(request.string("period").orElse("today"), request.now(), zone);
    int n = request.integer("n").orElse((long) DEFAULT_N).intValue();
    List<DigestEntry> top = store.top(period.from(), period.to(), n);
    if (top.isEmpty()) {
      return Message.ephemeralText("No digest for " + period.label() + ". "
          + store.nearestDigestDate(period.to())
              .map(d -> "The nearest day with one is " + d + ": try `/top " + d + "`.")
              .orElse("No digest has been ingested yet."));
    }
    Message.Builder b = Message.builder().header("Top " + top.size() + " — " + period.label());
    top.forEach(e -> b.add(PaperCards.of(e)));
    return b.build();
  }

  @Override
  public List<String> suggest(String option, String prefix) {
    return DateSuggestions.suggest(store, option, prefix, Period.KEYWORDS);
  }
}
