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

  @Override
  public Message handle(CommandRequest request) {
    return Message.builder()
        .header("Paperboy commands")
        .text(CommandDocs.helpList(definitions.get()))
        .context("Options can also be named: /top period:week n:5")
        .ephemeral(true)
        .build();
  }
}
