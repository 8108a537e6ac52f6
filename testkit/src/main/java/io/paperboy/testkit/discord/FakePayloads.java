package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Discord's JSON objects, shaped as the real API sends them (the fields JDA reads). */
final class FakePayloads {

  static final ObjectMapper JSON = new ObjectMapper();

  private FakePayloads() {}

  static ObjectNode user(String id, String username, boolean bot) {
    ObjectNode u = JSON.createObjectNode();
    u.put("id", id).put("username", username).put("discriminator", "0").putNull("global_name")
        .putNull("avatar").put("bot", bot).put("public_flags", 0).put("flags", 0);
    return u;
  }

  static ObjectNode role(String id, String name, long permissions, int position) {
    ObjectNode r = JSON.createObjectNode();
    r.put("id", id).put("name", name).put("color", 0).put("hoist", false).putNull("icon")
        .putNull("unicode_emoji").put("position", position).put("permissions", Long.toString(permissions))
        .put("managed", false).put("mentionable", false).put("flags", 0);
    return r;
  }

  static ObjectNode channel(FakeGuild guild, FakeGuild.Channel c, int position) {
    ObjectNode ch = JSON.createObjectNode();
    ch.put("id", c.id()).put("type", c.type().code).put("guild_id", guild.id()).put("name", c.name())
        .put("position", position).putNull("parent_id").put("nsfw", false).put("rate_limit_per_user", 0)
        .put("flags", 0).putNull("last_message_id").putNull("topic");
    ArrayNode overwrites = ch.putArray("permission_overwrites");
    for (FakeGuild.Overwrite o : c.overwrites()) {
      overwrites.addObject().put("id", o.id()).put("type", o.member() ? 1 : 0)
          .put("allow", Long.toString(o.allow())).put("deny", Long.toString(o.deny()));
    }
    if (c.type() == FakeGuild.ChannelType.FORUM) {
      ch.putArray("available_tags");
      ch.putNull("default_reaction_emoji");
      ch.put("default_thread_rate_limit_per_user", 0).put("default_forum_layout", 0).putNull("default_sort_order");
    }
    return ch;
  }

  static ObjectNode member(FakeGuild.Member m, Instant joined) {
    ObjectNode member = JSON.createObjectNode();
    member.set("user", user(m.userId(), m.username(), m.bot()));
    ArrayNode roles = member.putArray("roles");
    m.roleIds().forEach(roles::add);
    member.put("joined_at", joined.toString()).putNull("nick").putNull("avatar").put("deaf", false)
        .put("mute", false).put("flags", 0).put("pending", false).putNull("premium_since")
        .putNull("communication_disabled_until");
    return member;
  }

  static ObjectNode guildCreate(FakeGuild guild, Instant joined) {
    ObjectNode g = JSON.createObjectNode();
    g.put("id", guild.id()).put("name", guild.name()).putNull("icon").put("owner_id", guild.ownerId())
        .put("afk_timeout", 300).putNull("afk_channel_id").put("verification_level", 0)
        .put("default_message_notifications", 1).put("explicit_content_filter", 0).put("mfa_level", 0)
        .put("nsfw_level", 0).put("premium_tier", 0).put("premium_subscription_count", 0)
        .put("preferred_locale", "en-US").putNull("system_channel_id").put("system_channel_flags", 0)
        .putNull("rules_channel_id").putNull("public_updates_channel_id").putNull("description")
        .putNull("banner").putNull("splash").putNull("vanity_url_code").put("max_members", 500000)
        .put("member_count", guild.members().size()).put("large", false).put("unavailable", false)
        .put("joined_at", joined.toString()).put("premium_progress_bar_enabled", false)
        .putNull("safety_alerts_channel_id");
    g.putArray("features");
    ArrayNode roles = g.putArray("roles");
    roles.add(role(guild.id(), "@everyone", guild.everyone(), 0));
    guild.roles().forEach(r -> roles.add(role(r.id(), r.name(), r.permissions(), r.position())));
    ArrayNode channels = g.putArray("channels");
    for (int i = 0; i < guild.channels().size(); i++) {
      channels.add(channel(guild, guild.channels().get(i), i));
    }
    ArrayNode members = g.putArray("members");
    guild.members().forEach(m -> members.add(member(m, joined)));
    for (String empty : new String[] {"threads", "emojis", "stickers", "voice_states", "presences",
        "guild_scheduled_events", "stage_instances", "soundboard_sounds"}) {
      g.putArray(empty);
    }
    return g;
  }

  /** A message object as Discord answers a message create. */
  static ObjectNode message(String id, String channelId, String guildId, ObjectNode author, JsonNode request,
      Instant now) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id).put("channel_id", channelId).put("type", 0).put("tts", false)
        .put("content", request.path("content").asText("")).put("timestamp", now.toString())
        .putNull("edited_timestamp").put("mention_everyone", false).put("pinned", false)
        .put("flags", request.path("flags").asInt(0));
    if (guildId != null) {
      m.put("guild_id", guildId);
    }
    m.set("author", author);
    ArrayNode embeds = m.putArray("embeds");
    request.path("embeds").forEach(e -> {
      ObjectNode echoed = ((ObjectNode) e).deepCopy();
      echoed.put("type", "rich");
      embeds.add(echoed);
    });
    m.putArray("attachments");
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("components");
    if (request.has("nonce")) {
      m.set("nonce", request.get("nonce"));
    }
    return m;
  }

  /** A thread channel object, as Discord answers a thread create. */
  static ObjectNode thread(String id, String guildId, String parentId, String ownerId, String name, int type,
      Instant now) {
    ObjectNode t = JSON.createObjectNode();
    t.put("id", id).put("type", type).put("guild_id", guildId).put("parent_id", parentId)
        .put("owner_id", ownerId).put("name", name).putNull("last_message_id").put("rate_limit_per_user", 0)
        .put("message_count", 0).put("member_count", 1).put("total_message_sent", 0).put("flags", 0);
    t.putArray("applied_tags");
    ObjectNode meta = t.putObject("thread_metadata");
    meta.put("archived", false).put("auto_archive_duration", 1440).put("archive_timestamp", now.toString())
        .put("locked", false).put("create_timestamp", now.toString());
    ObjectNode member = t.putObject("member");
    member.put("id", id).put("user_id", ownerId).put("join_timestamp", now.toString()).put("flags", 1);
    return t;
  }

  static ObjectNode error(int code, String message) {
    ObjectNode e = JSON.createObjectNode();
    e.put("message", message).put("code", code);
    return e;
  }

  static ObjectNode dispatch(String type, int seq, JsonNode data) {
    ObjectNode d = JSON.createObjectNode();
    d.put("op", 0).put("t", type).put("s", seq);
    d.set("d", data);
    return d;
  }
}
