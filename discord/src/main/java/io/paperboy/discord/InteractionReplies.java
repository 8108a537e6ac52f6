package io.paperboy.discord;

import io.paperboy.core.command.Replies;
import io.paperboy.core.message.Message;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slash-command interaction as the command service's reply port: an answer is the
 * interaction's reply (further parts as follow-ups), an acknowledgement is {@code deferReply}
 * (Discord shows "thinking…"), and a follow-up goes through the interaction hook, which JDA holds
 * back until the deferral is through. Every call is queued, never awaited.
 */
final class InteractionReplies implements Replies {

  private static final Logger log = LoggerFactory.getLogger(InteractionReplies.class);

  private final SlashCommandInteractionEvent event;
  private final DiscordRenderer renderer;

  InteractionReplies(SlashCommandInteractionEvent event, DiscordRenderer renderer) {
    this.event = event;
    this.renderer = renderer;
  }

  @Override
  public void answer(Message message) {
    List<MessageCreateData> parts = render(message);
    boolean ephemeral = message.ephemeral();
    InteractionHook hook = event.getHook();
    RestAction<?> chain = event.reply(parts.get(0)).setEphemeral(ephemeral);
    for (MessageCreateData part : parts.subList(1, parts.size())) {
      chain = chain.flatMap(previous -> hook.sendMessage(part).setEphemeral(ephemeral));
    }
    chain.queue(null, e -> log.warn("answer to /{} failed: {}", event.getFullCommandName(), e.toString()));
  }

  @Override
  public void acknowledge() {
    event.deferReply().queue(null, e -> log.warn("could not defer /{}: {}", event.getFullCommandName(), e.toString()));
  }

  @Override
  public void followUp(Message message) {
    List<MessageCreateData> parts = render(message);
    boolean ephemeral = message.ephemeral();
    InteractionHook hook = event.getHook();
    RestAction<?> chain = null;
    if (ephemeral) {
      // the first follow-up would take over the public "thinking…" message; remove that instead
      chain = hook.deleteOriginal().onErrorMap(e -> {
        log.debug("could not delete the deferred reply to /{}: {}", event.getFullCommandName(), e.toString());
        return null;
      });
    }
    for (MessageCreateData part : parts) {
      chain = chain == null ? hook.sendMessage(part).setEphemeral(ephemeral)
          : chain.flatMap(previous -> hook.sendMessage(part).setEphemeral(ephemeral));
    }
    chain.queue(null, e -> log.warn("follow-up to /{} failed: {}", event.getFullCommandName(), e.toString()));
  }

  private List<MessageCreateData> render(Message answer) {
    List<MessageCreateData> parts = renderer.render(answer);
    return parts.isEmpty() ? renderer.render(Message.ephemeralText("Nothing to show.")) : parts;
  }
}
