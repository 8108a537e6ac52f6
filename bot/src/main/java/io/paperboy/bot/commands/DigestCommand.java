package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.Workload;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.message.Message;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** {@code /digest [date]}: a whole day's digest as the daily post shows it (default: the latest day). */
public final class DigestCommand implements Command {

  private static final List<String> KEYWORDS = List.of("latest", "today", "yesterday");

  private static final CommandDefinition DEFINITION = CommandDefinition.of("digest",
      "A whole day's digest (default: the latest day)",
      OptionDefinition.date("date", "latest, today, yesterday or a date", false, KEYWORDS));

  private final PaperStore store;
  private final ZoneId zone;
  private final DailyPostFormatter formatter;

  public DigestCommand(PaperStore store, ZoneId zone, DailyPostFormatter formatter) {
    this.store = store;
    this.zone = zone;
    this.formatter = formatter;
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Workload workload() {
    return Workload.HEAVY;
  }

  @Override
  public Message handle(CommandRequest request) {
    String value = request.string("date").orElse("latest");
    Optional<LocalDate> date = switch (value) {
      case "latest" -> store.latestDigestDate();
      case "today" -> Optional.of(LocalDate.ofInstant(request.now(), zone));
      case "yesterday" -> Optional.of(LocalDate.ofInstant(request.now(), zone).minusDays(1));
      default -> Optional.of(LocalDate.parse(value));
    };
    if (date.isEmpty()) {
      return Message.ephemeralText("No digest has been ingested yet.");
    }
    List<DigestEntry> entries = store.digest(date.get());
    if (entries.isEmpty()) {
      return Message.ephemeralText("No digest for " + date.get() + ". "
          + store.nearestDigestDate(date.get())
              .map(d -> "The nearest day with one is " + d + ": try `/digest " + d + "`.")
              .orElse("No digest has been ingested yet."));
    }
    return formatter.dailyPost(date.get(), entries);
  }

  @Override
  public List<String> suggest(String option, String prefix) {
    return DateSuggestions.suggest(store, option, prefix, KEYWORDS);
  }
}
