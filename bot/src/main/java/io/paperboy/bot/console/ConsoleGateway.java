package io.paperboy.bot.console;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.util.List;
import java.util.Objects;

/**
 * Posts to the terminal: the daily post is printed through the console channel, which keeps it
 * from interleaving with a command's answer. The terminal has no history to search, so a retry
 * after a crash prints again (the terminal that saw the first print is gone anyway).
 */
public final class ConsoleGateway implements ChannelGateway {

  private final ConsoleChannel console;

  public ConsoleGateway(ConsoleChannel console) {
    this.console = Objects.requireNonNull(console, "console");
  }

  @Override
  public Platform platform() {
    return Platform.CONSOLE;
  }

  @Override
  public PostReceipt post(ChannelRef channel, Message message, PostOptions options) {
    if (channel.platform() != Platform.CONSOLE) {
      throw new IllegalArgumentException("the console cannot post to " + channel.key());
    }
    console.print(message);
    return new PostReceipt(List.of("console:" + options.idempotencyKey()));
  }
}
