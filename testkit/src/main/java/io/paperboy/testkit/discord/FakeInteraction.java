package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A slash command or autocomplete interaction to dispatch, described by what a user did: which
 * command with which options, who, where.
 */
public final class FakeInteraction {

  /** Discord's application command option types used here. */
  public enum OptionKind {
    STRING(3), INTEGER(4), BOOLEAN(5), USER(6), ROLE(8), MENTIONABLE(9);

    final int code;

    OptionKind(int code) {
      this.code = code;
    }
  }

  record Option(String name, OptionKind kind, JsonNode value, boolean focused) {}

  final String command;
  final boolean autocomplete;
  Optional<String> subcommand = Optional.empty();
  final List<Option> options = new ArrayList<>();
  String userId = FakeDiscord.MEMBER_ID;
  String guildId = FakeDiscord.GUILD_ID;
  String channelId = FakeDiscord.TEXT_CHANNEL_ID;

  private FakeInteraction(String command, boolean autocomplete) {
    this.command = command;
    this.autocomplete = autocomplete;
  }

  /** {@code /command} typed and sent. */
  public static FakeInteraction slash(String command) {
    return new FakeInteraction(command, false);
  }

  /** {@code /command} being typed, asking for suggestions for the focused option. */
  public static FakeInteraction autocomplete(String command) {
    return new FakeInteraction(command, true);
  }

  public FakeInteraction sub(String name) {
    subcommand = Optional.of(name);
    return this;
  }

  public FakeInteraction option(String name, String value) {
    options.add(new Option(name, OptionKind.STRING, JsonNodeFactory.instance.textNode(value), false));
    return this;
  }

  public FakeInteraction option(String name, long value) {
    options.add(new Option(name, OptionKind.INTEGER, JsonNodeFactory.instance.numberNode(value), false));
    return this;
  }

  public FakeInteraction option(String name, boolean value) {
    options.add(new Option(name, OptionKind.BOOLEAN, JsonNodeFactory.instance.booleanNode(value), false));
    return this;
  }

  /** A user (or, for a mentionable option, a member) picked for {@code name}: a guild member's id. */
  public FakeInteraction userOption(String name, OptionKind kind, String userId) {
    options.add(new Option(name, kind, JsonNodeFactory.instance.textNode(userId), false));
    return this;
  }

  /** The option being typed (autocomplete). */
  public FakeInteraction focused(String name, String typed) {
    options.add(new Option(name, OptionKind.STRING, JsonNodeFactory.instance.textNode(typed), true));
    return this;
  }

  /** Who runs it: a member of the guild; their roles decide their permissions. */
  public FakeInteraction by(String userId) {
    this.userId = userId;
    return this;
  }

  public FakeInteraction in(String guildId, String channelId) {
    this.guildId = guildId;
    this.channelId = channelId;
    return this;
  }

  ArrayNode optionsJson() {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Option o : options) {
      ObjectNode node = array.addObject();
      node.put("name", o.name()).put("type", o.kind().code);
      node.set("value", o.value());
      if (o.focused()) {
        node.put("focused", true);
      }
    }
    if (subcommand.isEmpty()) {
      return array;
    }
    ArrayNode wrapped = JsonNodeFactory.instance.arrayNode();
    ObjectNode sub = wrapped.addObject();
    sub.put("name", subcommand.get()).put("type", 1);
    sub.set("options", array);
    return wrapped;
  }
}
