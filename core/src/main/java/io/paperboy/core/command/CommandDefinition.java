package io.paperboy.core.command;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The single definition of a command: registers the Discord slash command, parses Slack's and the
 * console's free text, and writes the help.
 *
 * @param name         lower-case name without slash ({@code paper}, {@code top})
 * @param description  one line (Discord allows at most 100 characters)
 * @param options      typed options, required ones first
 * @param managerOnly  whether only channel managers may run it (it configures a channel)
 * @param subcommands  for umbrella commands such as {@code /alert add|list|remove}: each a full
 *                     definition of its own; empty for a plain command
 */
public record CommandDefinition(
    String name,
    String description,
    List<OptionDefinition> options,
    boolean managerOnly,
    List<CommandDefinition> subcommands) {

  /** Discord's limit on a command or option description. */
  public static final int MAX_DESCRIPTION = 100;

  public CommandDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    options = List.copyOf(options);
    subcommands = List.copyOf(subcommands);
    if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException("bad command name: " + name);
    }
    if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(name + ": description must be 1.." + MAX_DESCRIPTION + " chars");
    }
    Set<String> seen = new HashSet<>();
    boolean optionalSeen = false;
    long restOptions = options.stream().filter(OptionDefinition::rest).count();
    if (restOptions > 1) {
      throw new IllegalArgumentException(name + ": at most one rest option");
    }
    for (OptionDefinition o : options) {
      if (!seen.add(o.name())) {
        throw new IllegalArgumentException(name + ": duplicate option " + o.name());
      }
      if (o.required() && optionalSeen) {
        throw new IllegalArgumentException(name + ": required option " + o.name() + " after an optional one");
      }
      optionalSeen |= !o.required();
    }
    if (!subcommands.isEmpty() && !options.isEmpty()) {
      throw new IllegalArgumentException(name + ": a command has options or subcommands, not both");
    }
  }

  public static CommandDefinition of(String name, String description, OptionDefinition... options) {
    return new CommandDefinition(name, description, List.of(options), false, List.of());
  }

  public static CommandDefinition managed(String name, String description, OptionDefinition... options) {
    return new CommandDefinition(name, description, List.of(options), true, List.of());
  }

  public static CommandDefinition group(String name, String description, CommandDefinition... subcommands) {
    return new CommandDefinition(name, description, List.of(), false, List.of(subcommands));
  }

  /** {@code /top [today|yesterday|week|month|YYYY-MM-DD] [n]}. */
  public String usage() {
    if (!subcommands.isEmpty()) {
      return subcommands.stream().map(s -> "/" + name + " " + s.usage().substring(1)).collect(Collectors.joining("\n"));
    }
    StringBuilder sb = new StringBuilder("/").append(name);
    boolean afterRest = false;
    for (OptionDefinition o : options) {
      // after a rest option only name:value can reach an option, so the usage shows that form
      sb.append(' ').append(afterRest ? o.namedUsage() : o.usage());
      afterRest |= o.rest();
    }
    return sb.toString();
  }

  /**
   * The usage without the command's own name, as one line: {@code <ID|URL>} for {@code /paper},
   * {@code add <QUERY…> … | list | …} for an umbrella command; empty for a command without options.
   * What Slack's manifest shows as a slash command's {@code usage_hint}.
   */
  public String usageHint() {
    String prefix = "/" + name;
    return usage().lines().map(line -> line.substring(prefix.length()).strip()).collect(Collectors.joining(" | "));
  }

  public java.util.Optional<CommandDefinition> subcommand(String sub) {
    return subcommands.stream().filter(s -> s.name().equals(sub)).findFirst();
  }
}
