package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.Workload;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
    LocalDate today = LocalDate.ofInstant(request.now(), zone);
    Optional<LocalDate> asked = switch (value) {
      case "latest" -> store.latestDigestDate();
      case "today" -> Optional.of(today);
      case "yesterday" -> Optional.of(today.minusDays(1));
      default -> Optional.of(LocalDate.parse(value));
    };
    if (asked.isEmpty()) {
      return Message.ephemeralText("No digest has been ingested yet.");
    }
    List<DigestEntry> entries = store.digest(asked.get());
    if (!entries.isEmpty()) {
      return formatter.dailyPost(asked.get(), entries);
    }
    boolean relative = value.equals("today") || value.equals("yesterday");
    Optional<StandIn> standIn = StandIn.find(store, asked.get(), relative);
    if (standIn.isEmpty()) {
      return Message.ephemeralText("No digest has been ingested yet.");
    }
    LocalDate shown = standIn.get().date();
    String note = standIn.get().note(relative ? value + " (" + asked.get() + ")" : "on " + asked.get(), shown.toString());
    Message post = formatter.dailyPost(shown, store.digest(shown));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Text(note));
    blocks.addAll(post.blocks());
    return new Message(blocks, post.ephemeral(), post.mention());
  }

  @Override
  public List<String> suggest(String option, String prefix) {
    return DateSuggestions.suggest(store, option, prefix, KEYWORDS);
  }
}
