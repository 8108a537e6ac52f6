package io.paperboy.bot.discord;

import io.paperboy.bot.command.Command;
import io.paperboy.bot.command.CommandDefinition;
import io.paperboy.bot.command.CommandRegistry;
import io.paperboy.bot.command.CommandRequest;
import io.paperboy.bot.command.OptionDefinition;
import io.paperboy.bot.command.UsageException;
import io.paperboy.bot.message.Message;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers slash commands and autocomplete. An interaction becomes a {@link CommandRequest}, the
 * {@link CommandRegistry} answers it (checking manager-only commands against the caller again,
 * whatever Discord's own gate let through), and the answer is rendered and sent back.
 *
 * <p>Commands that {@linkplain Command#maySlow() may be slow} are deferred at once and answered
 * with a follow-up; the work runs on {@code workers}, never on JDA's event thread. Usage errors,
 * refusals and configuration answers are ephemeral.
 */
final class DiscordCommandListener extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(DiscordCommandListener.class);

  private final CommandRegistry registry;
  private final DiscordRenderer renderer;
  private final Clock clock;
  private final ExecutorService workers;

  DiscordCommandListener(CommandRegistry registry, DiscordRenderer renderer, Clock clock, ExecutorService workers) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.workers = Objects.requireNonNull(workers, "workers");
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    Optional<Command> command = registry.command(event.getName());
    CommandRequest request;
    try {
      CommandDefinition def = command.map(Command::definition)
          .orElseThrow(() -> new UsageException("There is no `/" + event.getName() + "` command.", "/help"));
      request = InteractionRequests.from(event, def, clock.instant());
    } catch (UsageException e) {
      reply(event, CommandRegistry.usage(e));
      return;
    }
    boolean refused = registry.managerOnly(request.command(), request.subcommand()) && !request.caller().canManage();
    if (command.get().maySlow() && !refused) {
      event.deferReply().queue(null, e -> log.warn("could not defer /{}: {}", event.getName(), e.toString()));
      run(event, () -> followUp(event.getHook(), registry.dispatch(request)));
    } else {
      run(event, () -> reply(event, registry.dispatch(request)));
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    String option = event.getFocusedOption().getName();
    String prefix = event.getFocusedOption().getValue();
    List<String> suggestions = suggestions(event.getName(), event.getSubcommandName(), option, prefix);
    event.replyChoiceStrings(suggestions).queue(null, e -> log.debug("autocomplete answer lost: {}", e.toString()));
  }

  /** The option's own keywords that match, then the command's suggestions; at most 25. */
  List<String> suggestions(String commandName, String subcommand, String optionName, String prefix) {
    Set<String> out = new LinkedHashSet<>();
    String lower = prefix.toLowerCase(Locale.ROOT);
    findOption(commandName, subcommand, optionName).ifPresent(o -> o.choices().stream()
        .filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower)).forEach(out::add));
    try {
      out.addAll(registry.suggest(commandName, optionName, prefix));
    } catch (RuntimeException e) {
      log.error("suggestions for /{} {} failed", commandName, optionName, e);
    }
    return out.stream()
        .filter(s -> !s.isEmpty() && s.length() <= OptionData.MAX_CHOICE_VALUE_LENGTH)
        .limit(OptionData.MAX_CHOICES)
        .toList();
  }

  private Optional<OptionDefinition> findOption(String commandName, String subcommand, String optionName) {
    return registry.command(commandName).map(Command::definition)
        .map(def -> subcommand == null ? def : def.subcommand(subcommand).orElse(def))
        .flatMap(def -> def.options().stream().filter(o -> o.name().equals(optionName)).findFirst());
  }

  private void run(SlashCommandInteractionEvent event, Runnable work) {
    try {
      workers.execute(work);
    } catch (RejectedExecutionException e) {
      log.warn("/{} arrived while shutting down; not answered", event.getName());
    }
  }

  private void reply(SlashCommandInteractionEvent event, Message answer) {
    List<MessageCreateData> parts = render(answer);
    boolean ephemeral = answer.ephemeral();
    InteractionHook hook = event.getHook();
    net.dv8tion.jda.api.requests.RestAction<?> chain = event.reply(parts.get(0)).setEphemeral(ephemeral);
    for (MessageCreateData part : parts.subList(1, parts.size())) {
      chain = chain.flatMap(previous -> hook.sendMessage(part).setEphemeral(ephemeral));
    }
    chain.queue(null, e -> log.warn("answer to /{} failed: {}", event.getName(), e.toString()));
  }

  private void followUp(InteractionHook hook, Message answer) {
    List<MessageCreateData> parts = render(answer);
    boolean ephemeral = answer.ephemeral();
    try {
      if (ephemeral) {
        // the first follow-up would take over the public "thinking…" message; remove it instead
        hook.deleteOriginal().complete();
      }
      for (MessageCreateData part : parts) {
        hook.sendMessage(part).setEphemeral(ephemeral).complete();
      }
    } catch (RuntimeException e) {
      log.warn("follow-up to /{} failed: {}", hook.getInteraction().getId(), e.toString());
    }
  }

  private List<MessageCreateData> render(Message answer) {
    List<MessageCreateData> parts = renderer.render(answer);
    return parts.isEmpty() ? renderer.render(Message.ephemeralText("Nothing to show.")) : parts;
  }
}
