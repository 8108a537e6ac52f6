package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.message.Message;
import java.util.List;
import java.util.function.Supplier;

/** {@code /help}: every command with its usage, drawn from the definitions themselves. */
public final class HelpCommand implements Command {

  private static final CommandDefinition DEFINITION = CommandDefinition.of("help", "List Paperboy's commands");

  private final Supplier<List<CommandDefinition>> definitions;

  /** @param definitions all registered definitions (read at answer time, so this command lists itself too) */
  public HelpCommand(Supplier<List<CommandDefinition>> definitions) {
    this.definitions = definitions;
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  private static void line(StringBuilder sb, String usage, String description, boolean managerOnly) {
    sb.append("- `").append(usage).append("` — ").append(description);
    if (managerOnly) {
      sb.append(" (channel managers)");
    }
    sb.append('\n');
  }

  @Override
  public Message handle(CommandRequest request) {
    StringBuilder sb = new StringBuilder();
    for (CommandDefinition d : definitions.get()) {
      if (d.subcommands().isEmpty()) {
        line(sb, d.usage(), d.description(), d.managerOnly());
      }
      for (CommandDefinition sub : d.subcommands()) {
        line(sb, "/" + d.name() + " " + sub.usage().substring(1), sub.description(), d.managerOnly() || sub.managerOnly());
      }
    }
    return Message.builder()
        .header("Paperboy commands")
        .text(sb.toString().strip())
        .context("Options can also be named: /top period:week n:5")
        .ephemeral(true)
        .build();
  }
}
