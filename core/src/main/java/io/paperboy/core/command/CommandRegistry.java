package io.paperboy.core.command;

import io.paperboy.core.message.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All commands by name, and the one place that dispatches a request: it checks manager-only
 * commands against the caller, turns usage errors into short ephemeral answers, and never lets a
 * command's failure reach the platform as a stack trace.
 */
public final class CommandRegistry {

  private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

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

  /** How a dispatch ended; a transport that reports more than the message (the CLI's exit code) reads it. */
  public enum Outcome {
    /** The command answered (an answer that finds nothing is still an answer). */
    ANSWERED,
    /** The input was malformed: an unknown command, a bad option value, arguments that make no sense. */
    USAGE_ERROR,
    /** The caller may not run it here (a manager-only command). */
    REFUSED,
    /** The command failed unexpectedly; the error was logged. */
    FAILED
  }

  /** A dispatch's answer and how it ended. */
  public record Dispatched(Message message, Outcome outcome) {}

  /** Answers a request whose options are already typed (Discord, or after {@link #parse}). */
  public Message dispatch(CommandRequest request) {
    return answer(request).message();
  }

  /** As {@link #dispatch}, saying how it ended: a usage error is classified here, wherever it was found. */
  public Dispatched answer(CommandRequest request) {
    Command c = commands.get(request.command());
    if (c == null) {
      return new Dispatched(unknown(request.command()), Outcome.USAGE_ERROR);
    }
    if (managerOnly(request.command(), request.subcommand()) && !request.caller().canManage()) {
      return new Dispatched(Message.ephemeralText("Only people who can manage this channel may use `/"
          + request.command() + request.subcommand().map(s -> " " + s).orElse("") + "`."), Outcome.REFUSED);
    }
    try {
      return new Dispatched(c.handle(request), Outcome.ANSWERED);
    } catch (UsageException e) {
      return new Dispatched(usage(e), Outcome.USAGE_ERROR);
    } catch (RuntimeException e) {
      log.error("/{} failed for {} in {}", request.command(), request.caller().userId(), request.channel().key(), e);
      return new Dispatched(Message.ephemeralText("Sorry, `/" + request.command()
          + "` failed unexpectedly. The error was logged."), Outcome.FAILED);
    }
  }

  /**
   * Parses a free-text line's arguments for {@code command}.
   *
   * @throws UsageException for an unknown command or bad arguments (use {@link #usage} to answer)
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

  /** The ephemeral answer to a usage error: what was wrong, then how to call the command. */
  public static Message usage(UsageException e) {
    return Message.ephemeralText(e.getMessage() + "\nUsage: `" + e.usage().replace("\n", "`\n`") + "`");
  }

  private Message unknown(String name) {
    return Message.ephemeralText(unknownText(name));
  }

  private String unknownText(String name) {
    return "There is no `/" + name + "` command. Try `/help` for the list.";
  }
}
