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
import java.util.Optional;

/** {@code /top [today|yesterday|week|month|YYYY-MM-DD] [n]}: the most voted papers of a period. */
public final class TopCommand implements Command {

  static final int DEFAULT_N = 10;

  private static final CommandDefinition DEFINITION = CommandDefinition.of("top",
      "The most voted papers of a day, week or month",
      OptionDefinition.date("period", "today, yesterday, week, month or a date (default today)", false, Period.KEYWORDS),
      OptionDefinition.integer("n", "how many papers (1-25, default 10)", false, 1, 25).withValue("N"));

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
    Period asked = Period.parse(request.string("period").orElse("today"), request.now(), zone);
    int n = request.integer("n").orElse((long) DEFAULT_N).intValue();
    List<DigestEntry> top = store.top(asked.from(), asked.to(), n);
    if (!top.isEmpty()) {
      return answer(asked, top, Optional.empty());
    }
    Optional<StandIn> standIn = StandIn.find(store, asked.to(), asked.kind().relative);
    if (standIn.isEmpty()) {
      return Message.ephemeralText("No digest has been ingested yet.");
    }
    Period shown = asked.endingOn(standIn.get().date());
    String note = standIn.get().note(asked.asAbsent(), shown.asStandIn());
    return answer(shown, store.top(shown.from(), shown.to(), n), Optional.of(note));
  }

  private static Message answer(Period period, List<DigestEntry> top, Optional<String> note) {
    Message.Builder b = Message.builder();
    note.ifPresent(b::text);
    b.header("Top " + top.size() + " — " + period.label());
    top.forEach(e -> b.add(PaperCards.of(e)));
    return b.build();
  }

  @Override
  public List<String> suggest(String option, String prefix) {
    return DateSuggestions.suggest(store, option, prefix, Period.KEYWORDS);
  }
}
