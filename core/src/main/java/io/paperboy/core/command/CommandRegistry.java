package io.paperboy.core.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * All commands by name: their definitions, free-text parsing against them, and the plain lookups
 * the {@link CommandService} builds on. Answering a request is the service's job, not this one's.
 */
public final class CommandRegistry {

  private final Map<String, Command> commands = new LinkedHashMap<>();

  public CommandRegistry(List<? extends Command> commands) {
    for (Command c : commands) {
      String name = c.definition().name();
      if (this.commands.putIfAbsent(name, c) != null) {
        throw new IllegalArgumentException("two commands named " + name);
      }
    }
  }

  /** Every command definition, in registration order (platforms register these). */
  public List<CommandDefinition> definitions() {
    List<CommandDefinition> defs = new ArrayList<>();
    commands.values().forEach(c -> defs.add(c.definition()));
    return defs;
  }

  public Optional<Command> command(String name) {
    return Optional.ofNullable(commands.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Whether the named command (or subcommand) requires a channel manager. */
  public boolean managerOnly(String command, Optional<String> subcommand) {
    Command c = commands.get(command);
    if (c == null) {
      return false;
    }
    CommandDefinition def = c.definition();
    return def.managerOnly()
        || subcommand.flatMap(def::subcommand).map(CommandDefinition::managerOnly).orElse(false);
  }

  /**
   * Parses a free-text line's arguments for {@code command}.
   *
   * @throws UsageException for an unknown command or bad arguments (answer it with {@link CommandService#usage})
   */
  public ParsedCommand parse(String command, String text) {
    Command c = commands.get(command.toLowerCase(Locale.ROOT));
    if (c == null) {
      throw new UsageException(unknownText(command), "/help");
    }
    return TextCommandParser.parse(c.definition(), text);
  }

  /** Autocomplete suggestions for an option of a command. */
  public List<String> suggest(String command, String option, String prefix) {
    Command c = commands.get(command);
    return c == null ? List.of() : c.suggest(option, prefix);
  }

  /** The answer to a command name nobody registered. */
  static String unknownText(String name) {
    return "There is no `/" + name + "` command. Try `/help` for the list.";
  }
}
