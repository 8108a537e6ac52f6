package io.paperboy.bot.commands;

import io.paperboy.core.command.CommandDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage lines of every command, drawn from their definitions, and the forms they are shown
 * in: {@code /help}, the README's command table (checked against the README by a test, so it
 * cannot go stale) and Slack's manifest ({@link CommandDefinition#usageHint()}). One definition,
 * one usage, everywhere.
 */
public final class CommandDocs {

  /** Opens the README's generated command table. */
  public static final String README_BEGIN =
      "<!-- commands: generated from the command definitions (CommandDocs); CommandDocsTest fails when stale -->";
  /** Closes it. */
  public static final String README_END = "<!-- /commands -->";

  private CommandDocs() {}

  /**
   * One usage line of a command, or of one subcommand of an umbrella command.
   *
   * @param usage       {@code /alert add <QUERY…> [to:channel|me] [mention:@role-or-user]}
   * @param description what it does
   * @param managerOnly whether only channel managers may run it
   */
  public record UsageLine(String usage, String description, boolean managerOnly) {

    String describedForManagers() {
      return description + (managerOnly ? " (channel managers)" : "");
    }
  }

  /** Every command's lines, umbrella commands as one line per subcommand, in registration order. */
  public static List<UsageLine> lines(List<CommandDefinition> definitions) {
    List<UsageLine> lines = new ArrayList<>();
    for (CommandDefinition d : definitions) {
      if (d.subcommands().isEmpty()) {
        lines.add(new UsageLine(d.usage(), d.description(), d.managerOnly()));
      }
      for (CommandDefinition sub : d.subcommands()) {
        lines.add(new UsageLine("/" + d.name() + " " + sub.usage().substring(1), sub.description(),
            d.managerOnly() || sub.managerOnly()));
      }
    }
    return lines;
  }

  /** The markdown list {@code /help} answers with. */
  static String helpList(List<CommandDefinition> definitions) {
    StringBuilder sb = new StringBuilder();
    for (UsageLine line : lines(definitions)) {
      sb.append("- `").append(line.usage()).append("` — ").append(line.describedForManagers()).append('\n');
    }
    return sb.toString().strip();
  }

  /** The README's command table, markers included. */
  public static String readmeTable(List<CommandDefinition> definitions) {
    StringBuilder sb = new StringBuilder(README_BEGIN).append('\n');
    sb.append("| command | what it does |\n|---|---|\n");
    for (UsageLine line : lines(definitions)) {
      // a | inside a table cell must be escaped, code spans included (GitHub's table rule)
      sb.append("| `").append(line.usage().replace("|", "\\|")).append("` | ")
          .append(line.describedForManagers().replace("|", "\\|")).append(" |\n");
    }
    return sb.append(README_END).toString();
  }
}
