package io.paperboy.bot.subscriptions;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.message.Message;
import java.util.Objects;

/** {@code /unsubscribe}: this channel stops getting the daily post. Channel managers only. */
public final class UnsubscribeCommand implements Command {

  static final CommandDefinition DEFINITION = CommandDefinition.managed("unsubscribe",
      "Stop posting the daily digest in this channel");

  private final Subscribing subscribing;

  public UnsubscribeCommand(Subscribing subscribing) {
    this.subscribing = Objects.requireNonNull(subscribing, "subscribing");
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Message handle(CommandRequest request) {
    boolean had = subscribing.unsubscribe(request.channel(), request.now());
    return Message.ephemeralText(had
        ? "This channel no longer gets the daily post. `/subscribe` brings it back."
        : "This channel has no daily post to stop. `/subscribe` starts one.");
  }
}
