package io.paperboy.bot.commands;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.message.Message;
import java.util.List;
import java.util.ArrayList;

/** {@code /help}: every command with its usage, drawn from the definitions themselves. */
public final class HelpCommand implements Command {

  private static final CommandDefinition DEFINITION = CommandDefinition.of("help", "List Paperboy's commands");

  private final List<CommandDefinition> definitions;

  /** @param others every other registered command; /help lists them, then itself */
  public HelpCommand(List<? extends Command> others) {
    List<CommandDefinition> all = new ArrayList<>();
    others.forEach(c -> all.add(c.definition()));
    all.add(DEFINITION);
    this.definitions = List.copyOf(all);
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Message handle(CommandRequest request) {
    return Message.builder()
        .header("Paperboy commands")
        .text(CommandDocs.helpList(definitions))
        .context("Options can also be named: /top period:week n:5")
        .ephemeral(true)
        .build();
  }
}
