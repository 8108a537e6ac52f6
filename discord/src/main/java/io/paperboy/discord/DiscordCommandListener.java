package io.paperboy.discord;

import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates slash commands and autocomplete between JDA and the {@link CommandService}. An
 * interaction becomes a {@link CommandRequest} ({@link InteractionRequests}) and an
 * {@link InteractionReplies} port; the service decides whether the answer is the reply or a
 * follow-up after a deferral, checks manager-only commands against the caller again (whatever
 * Discord's own gate let through) and never runs work on JDA's event thread.
 */
final class DiscordCommandListener extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(DiscordCommandListener.class);

  private final CommandService commands;
  private final DiscordRenderer renderer;
  private final Clock clock;

  DiscordCommandListener(CommandService commands, DiscordRenderer renderer, Clock clock) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    Instant now = clock.instant();
    // the service looks the command up first, so the definition is there when the request is read
    commands.serve(event.getName(),
        () -> InteractionRequests.from(event, commands.definition(event.getName()).orElseThrow(), now),
        new InteractionReplies(event, renderer));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    String option = event.getFocusedOption().getName();
    commands.suggest(event.getName(), Optional.ofNullable(event.getSubcommandName()), option,
            event.getFocusedOption().getValue())
        .thenAccept(suggestions -> event.replyChoiceStrings(choices(suggestions))
            .queue(null, e -> log.debug("autocomplete answer lost: {}", e.toString())));
  }

  /** What Discord accepts as choices: non-empty values of at most 100 characters, at most 25 of them. */
  static List<String> choices(List<String> suggestions) {
    return suggestions.stream()
        .filter(s -> !s.isEmpty() && s.length() <= OptionData.MAX_CHOICE_VALUE_LENGTH)
        .limit(OptionData.MAX_CHOICES)
        .toList();
  }
}
