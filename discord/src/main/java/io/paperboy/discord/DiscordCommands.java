package io.paperboy.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.OptionDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * Slash commands from the single command definitions, and the comparison that lets startup skip
 * registration when Discord already has exactly these commands.
 *
 * <p>Options keep their types: integers are Discord integers with the definition's range, closed
 * sets are choices (or autocomplete past Discord's 25 choices), dates are strings with autocomplete
 * of the days that have digests. A command that configures a channel — manager-only itself, or an
 * umbrella whose every subcommand is — carries {@code default_member_permissions} = Manage
 * Channels; a single manager-only subcommand is gated on receipt only, so its siblings stay
 * visible to everyone.
 */
final class DiscordCommands {

  /** The permission that makes someone a channel manager. */
  static final Permission MANAGER_PERMISSION = Permission.MANAGE_CHANNEL;

  private static final ObjectMapper JSON = new ObjectMapper();

  private DiscordCommands() {}

  static List<SlashCommandData> toData(List<CommandDefinition> definitions) {
    List<SlashCommandData> commands = new ArrayList<>();
    for (CommandDefinition def : definitions) {
      commands.add(toData(def));
    }
    return commands;
  }

  static SlashCommandData toData(CommandDefinition def) {
    SlashCommandData command = Commands.slash(def.name(), def.description())
        .setContexts(InteractionContextType.GUILD)
        .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
    if (def.subcommands().isEmpty()) {
      command.addOptions(options(def.options()));
    } else {
      for (CommandDefinition sub : def.subcommands()) {
        command.addSubcommands(new SubcommandData(sub.name(), sub.description()).addOptions(options(sub.options())));
      }
    }
    if (gatedAsWhole(def)) {
      command.setDefaultPermissions(DefaultMemberPermissions.enabledFor(MANAGER_PERMISSION));
    }
    return command;
  }

  /** Whether Discord should hide the whole command from non-managers. */
  static boolean gatedAsWhole(CommandDefinition def) {
    return def.managerOnly()
        || !def.subcommands().isEmpty() && def.subcommands().stream().allMatch(CommandDefinition::managerOnly);
  }

  /** Whether an option is answered by autocomplete rather than fixed choices. */
  static boolean autocompletes(OptionDefinition option) {
    return option.type() == io.paperboy.core.command.OptionType.DATE
        || option.type() == io.paperboy.core.command.OptionType.STRING && option.choices().size() > OptionData.MAX_CHOICES;
  }

  private static List<OptionData> options(List<OptionDefinition> options) {
    List<OptionData> result = new ArrayList<>();
    for (OptionDefinition o : options) {
      result.add(option(o));
    }
    return result;
  }

  private static OptionData option(OptionDefinition o) {
    String description = o.description().isBlank() ? o.name() : DiscordText.fit(o.description(), OptionData.MAX_DESCRIPTION_LENGTH);
    OptionData data = switch (o.type()) {
      case STRING, DATE -> new OptionData(OptionType.STRING, o.name(), description, o.required(), autocompletes(o));
      case INTEGER -> new OptionData(OptionType.INTEGER, o.name(), description, o.required());
      case BOOLEAN -> new OptionData(OptionType.BOOLEAN, o.name(), description, o.required());
      case USER -> new OptionData(OptionType.USER, o.name(), description, o.required());
      case MENTIONABLE -> new OptionData(OptionType.MENTIONABLE, o.name(), description, o.required());
    };
    if (o.type() == io.paperboy.core.command.OptionType.STRING && !autocompletes(o)) {
      for (String choice : o.choices()) {
        data.addChoice(choice, choice);
      }
    }
    if (o.type() == io.paperboy.core.command.OptionType.INTEGER) {
      // Discord's integers are JSON doubles: bounds beyond ±(2^53 - 1) (e.g. Long.MAX_VALUE for
      // "no upper bound") are refused by JDA, so clamp them to the widest Discord allows
      if (o.min() != null) {
        data.setMinValue(Math.max(o.min(), (long) OptionData.MIN_NEGATIVE_NUMBER));
      }
      if (o.max() != null) {
        data.setMaxValue(Math.min(o.max(), (long) OptionData.MAX_POSITIVE_NUMBER));
      }
    }
    return data;
  }

  /**
   * Whether the commands Discord has registered are exactly {@code wanted}, compared in the form
   * JDA would send them (order of commands, key order and number spelling do not matter).
   */
  static boolean sameAsRegistered(List<Command> registered, List<SlashCommandData> wanted) {
    if (registered.size() != wanted.size()) {
      return false;
    }
    List<SlashCommandData> existing = new ArrayList<>();
    for (Command c : registered) {
      if (c.getType() != Command.Type.SLASH) {
        return false;
      }
      existing.add(SlashCommandData.fromCommand(c));
    }
    return canonical(existing).equals(canonical(wanted));
  }

  private static Map<String, JsonNode> canonical(List<SlashCommandData> commands) {
    Map<String, JsonNode> byName = new TreeMap<>();
    for (SlashCommandData c : commands) {
      byName.put(c.getName(), normalize(read(c.toData().toJson())));
    }
    return byName;
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sorted keys, numbers by value, nulls and empty containers dropped (Discord omits those). */
  private static JsonNode normalize(JsonNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node.isObject()) {
      ObjectNode out = f.objectNode();
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = normalize(e.getValue());
        if (!v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
          sorted.put(e.getKey(), v);
        }
      }
      sorted.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = f.arrayNode();
      node.forEach(n -> out.add(normalize(n)));
      return out;
    }
    if (node.isNumber()) {
      return f.textNode(new BigDecimal(node.asText()).stripTrailingZeros().toPlainString());
    }
    return node;
  }
}
