package io.paperboy.discord;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.message.Message;
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
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers slash commands and autocomplete. An interaction becomes a {@link CommandRequest}, the
 * {@link CommandRegistry} answers it (checking manager-only commands against the caller again,
 * whatever Discord's own gate let through), and the answer is rendered and sent back.
 *
 * <p>Work never runs on JDA's event thread. Commands that {@linkplain Command#maySlow() may be
 * slow} are deferred at once and answered with a follow-up from their own pool, so they cannot
 * hold up quick answers, which must arrive within Discord's three seconds. Usage errors, refusals
 * and configuration answers are ephemeral.
 */
final class DiscordCommandListener extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(DiscordCommandListener.class);
  private static final String FAILED = "Sorry, that failed on our side. The error was logged.";

  private final CommandRegistry registry;
  private final DiscordRenderer renderer;
  private final Clock clock;
  private final ExecutorService quick;
  private final ExecutorService slow;

  DiscordCommandListener(CommandRegistry registry, DiscordRenderer renderer, Clock clock, ExecutorService quick,
      ExecutorService slow) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.quick = Objects.requireNonNull(quick, "quick");
    this.slow = Objects.requireNonNull(slow, "slow");
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
      submit(quick, event, () -> reply(event, CommandRegistry.usage(e)));
      return;
    }
    boolean refused = registry.managerOnly(request.command(), request.subcommand()) && !request.caller().canManage();
    if (command.get().maySlow() && !refused) {
      event.deferReply().queue(null, e -> log.warn("could not defer /{}: {}", event.getName(), e.toString()));
      submit(slow, event, () -> followUp(event.getHook(), registry.dispatch(request)));
    } else {
      submit(quick, event, () -> reply(event, registry.dispatch(request)));
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    String option = event.getFocusedOption().getName();
    String prefix = event.getFocusedOption().getValue();
    try {
      quick.execute(() -> event.replyChoiceStrings(suggestions(event.getName(), event.getSubcommandName(), option, prefix))
          .queue(null, e -> log.debug("autocomplete answer lost: {}", e.toString())));
    } catch (RejectedExecutionException e) {
      log.debug("autocomplete for /{} arrived while shutting down", event.getName());
    }
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

  /** Runs the answer on {@code pool}; whatever goes wrong, the caller still gets an answer. */
  private void submit(ExecutorService pool, SlashCommandInteractionEvent event, Runnable answer) {
    try {
      pool.execute(() -> {
        try {
          answer.run();
        } catch (RuntimeException e) {
          log.error("answering /{} failed", event.getFullCommandName(), e);
          apologise(event);
        }
      });
    } catch (RejectedExecutionException e) {
      log.warn("/{} arrived while shutting down; not answered", event.getName());
    }
  }

  private void apologise(SlashCommandInteractionEvent event) {
    if (event.isAcknowledged()) {
      event.getHook().sendMessage(FAILED).setEphemeral(true).queue(null, e -> { });
    } else {
      event.reply(FAILED).setEphemeral(true).queue(null, e -> { });
    }
  }

  private void reply(SlashCommandInteractionEvent event, Message answer) {
    List<MessageCreateData> parts = render(answer);
    boolean ephemeral = answer.ephemeral();
    InteractionHook hook = event.getHook();
    RestAction<?> chain = event.reply(parts.get(0)).setEphemeral(ephemeral);
    for (MessageCreateData part : parts.subList(1, parts.size())) {
      chain = chain.flatMap(previous -> hook.sendMessage(part).setEphemeral(ephemeral));
    }
    chain.queue(null, e -> log.warn("answer to /{} failed: {}", event.getName(), e.toString()));
  }

  private void followUp(InteractionHook hook, Message answer) {
    List<MessageCreateData> parts = render(answer);
    boolean ephemeral = answer.ephemeral();
    if (ephemeral) {
      // the first follow-up would take over the public "thinking…" message; remove it instead
      hook.deleteOriginal().complete();
    }
    for (MessageCreateData part : parts) {
      hook.sendMessage(part).setEphemeral(ephemeral).complete();
    }
  }

  private List<MessageCreateData> render(Message answer) {
    List<MessageCreateData> parts = renderer.render(answer);
    return parts.isEmpty() ? renderer.render(Message.ephemeralText("Nothing to show.")) : parts;
  }
}
