package io.paperboy.discord;

import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.OptionValues;
import io.paperboy.core.command.UsageException;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;

/**
 * A slash-command interaction as a platform-neutral {@link CommandRequest}: typed option values
 * (checked by {@link OptionValues}, the same rules as free text), who called with whether they may
 * manage this channel, and the guild-scoped channel it came from.
 */
final class InteractionRequests {

  private InteractionRequests() {}

  /**
   * @throws UsageException when an option value breaks the definition (Discord checks types and
   *                        ranges too, but the definition is the authority)
   */
  static CommandRequest from(SlashCommandInteraction interaction, CommandDefinition def, Instant now) {
    Optional<String> sub = Optional.ofNullable(interaction.getSubcommandName());
    CommandDefinition target = def;
    if (sub.isPresent()) {
      target = def.subcommand(sub.get())
          .orElseThrow(() -> new UsageException("`/" + def.name() + "` has no `" + sub.get() + "`.", def.usage()));
    }
    Map<String, Object> options = new HashMap<>();
    for (OptionDefinition option : target.options()) {
      OptionMapping mapping = interaction.getOption(option.name());
      if (mapping == null) {
        if (option.required()) {
          throw new UsageException("`" + option.name() + "` is required.", def.usage());
        }
        continue;
      }
      options.put(option.name(), OptionValues.convert(def, option, raw(option, mapping)));
    }
    return new CommandRequest(def.name(), sub, options, caller(interaction), channel(interaction), now);
  }

  static Caller caller(SlashCommandInteraction interaction) {
    Member member = interaction.getMember();
    if (member == null) {
      return new Caller(interaction.getUser().getId(), interaction.getUser().getName(), false);
    }
    GuildChannel channel = interaction.getGuildChannel();
    boolean canManage = member.hasPermission(channel, DiscordCommands.MANAGER_PERMISSION);
    return new Caller(member.getId(), member.getEffectiveName(), canManage);
  }

  /** The guild channel, with a thread as the thread of its parent channel. */
  static ChannelRef channel(SlashCommandInteraction interaction) {
    if (interaction.getGuild() == null) {
      // commands are registered for guilds only; a DM is its own, manager-less place
      return ChannelRef.of(Platform.DISCORD, "@me", interaction.getChannelId());
    }
    String guild = interaction.getGuild().getId();
    GuildChannel channel = interaction.getGuildChannel();
    if (channel instanceof ThreadChannel thread) {
      return new ChannelRef(Platform.DISCORD, guild, thread.getParentChannel().getId(), Optional.of(thread.getId()));
    }
    return ChannelRef.of(Platform.DISCORD, guild, channel.getId());
  }

  private static String raw(OptionDefinition option, OptionMapping mapping) {
    return switch (option.type()) {
      case INTEGER -> String.valueOf(mapping.getAsLong());
      case BOOLEAN -> String.valueOf(mapping.getAsBoolean());
      case USER -> mapping.getAsUser().getId();
      case MENTIONABLE -> mention(mapping.getAsMentionable());
      case STRING, DATE -> mapping.getAsString();
    };
  }

  private static String mention(IMentionable mentionable) {
    return mentionable instanceof Role ? "<@&" + mentionable.getId() + ">" : "<@" + mentionable.getId() + ">";
  }
}
