package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** INTERACTION_CREATE payloads, shaped as Discord sends them for a guild slash command or autocomplete. */
final class FakeInteractions {

  private FakeInteractions() {}

  static ObjectNode interactionCreate(FakeDiscord fake, FakeGuild guild, FakeInteraction spec) {
    String id = fake.nextId();
    String token = "token-" + id;
    FakeGuild.Member member = guild.members().stream().filter(m -> m.userId().equals(spec.userId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no member " + spec.userId + " in " + spec.guildId));
    ObjectNode d = FakePayloads.JSON.createObjectNode();
    d.put("id", id).put("application_id", FakeDiscord.BOT_ID).put("type", spec.autocomplete ? 4 : 2)
        .put("token", token).put("version", 1).put("guild_id", spec.guildId).put("channel_id", spec.channelId)
        .put("locale", "en-US").put("guild_locale", "en-US").put("app_permissions", "0").put("context", 0);
    d.putObject("guild").put("id", spec.guildId).put("locale", "en-US").putArray("features");
    FakeGuild.Channel channel = guild.channels().stream().filter(c -> c.id().equals(spec.channelId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no channel " + spec.channelId + " in " + spec.guildId));
    d.set("channel", FakePayloads.channel(guild, channel, 0));
    ObjectNode memberJson = FakePayloads.member(member, fake.joined);
    memberJson.put("permissions", Long.toString(permissions(guild, member)));
    d.set("member", memberJson);
    d.putArray("entitlements");
    d.putObject("authorizing_integration_owners").put("0", spec.guildId);
    ObjectNode data = d.putObject("data");
    data.put("id", commandId(fake, spec.command)).put("name", spec.command).put("type", 1).put("guild_id", spec.guildId);
    data.set("options", spec.optionsJson());
    resolved(fake, guild, spec, data);
    return d;
  }

  private static void resolved(FakeDiscord fake, FakeGuild guild, FakeInteraction spec, ObjectNode data) {
    ObjectNode users = FakePayloads.JSON.createObjectNode();
    ObjectNode members = FakePayloads.JSON.createObjectNode();
    for (FakeInteraction.Option o : spec.options) {
      if (o.kind() == FakeInteraction.OptionKind.USER || o.kind() == FakeInteraction.OptionKind.MENTIONABLE) {
        guild.members().stream().filter(m -> m.userId().equals(o.value().asText())).findFirst().ifPresent(m -> {
          users.set(m.userId(), FakePayloads.user(m.userId(), m.username(), m.bot()));
          ObjectNode mj = FakePayloads.member(m, fake.joined);
          mj.remove("user");
          mj.put("permissions", Long.toString(permissions(guild, m)));
          members.set(m.userId(), mj);
        });
      }
    }
    if (!users.isEmpty()) {
      ObjectNode resolved = data.putObject("resolved");
      resolved.set("users", users);
      resolved.set("members", members);
    }
  }

  private static String commandId(FakeDiscord fake, String name) {
    return fake.commands.stream().filter(c -> c.path("name").asText().equals(name)).findFirst()
        .map(c -> c.path("id").asText()).orElse("1700000000000000001");
  }

  static long permissions(FakeGuild guild, FakeGuild.Member member) {
    long p = guild.everyone();
    for (FakeGuild.Role r : guild.roles()) {
      if (member.roleIds().contains(r.id())) {
        p |= r.permissions();
      }
    }
    return member.userId().equals(guild.ownerId()) ? -1L >>> 1 : p;
  }
}
