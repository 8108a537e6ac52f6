package io.paperboy.testkit.discord;

import java.util.List;

/**
 * A guild as the fake presents it: its channels, roles and members. Ids are snowflake strings.
 *
 * @param id       guild id (also the id of its {@code @everyone} role)
 * @param name     guild name
 * @param ownerId  owner's user id (owners pass every permission check)
 * @param everyone raw permissions of {@code @everyone}
 * @param roles    further roles
 * @param channels text and forum channels
 * @param members  members, including the bot itself
 */
public record FakeGuild(String id, String name, String ownerId, long everyone, List<Role> roles,
    List<Channel> channels, List<Member> members) {

  /**
   * {@link FakeDiscord#GUILD_ID}: a text channel, a forum, a channel {@link FakeDiscord#MEMBER_ID}
   * may manage through an overwrite; a manager role and the bot's role; the bot, a reader, a
   * moderator and the owner.
   */
  static FakeGuild papersClub(long botPermissions) {
    return new FakeGuild(FakeDiscord.GUILD_ID, "Papers Club", FakeDiscord.OWNER_ID, memberPermissions(),
        List.of(new Role(FakeDiscord.MANAGER_ROLE_ID, "Moderators", FakeDiscord.MANAGE_CHANNELS, 1),
            new Role(FakeDiscord.BOT_ROLE_ID, FakeDiscord.BOT_NAME, botPermissions, 2)),
        List.of(new Channel(FakeDiscord.TEXT_CHANNEL_ID, "papers", ChannelType.TEXT),
            new Channel(FakeDiscord.FORUM_CHANNEL_ID, "papers-forum", ChannelType.FORUM),
            new Channel(FakeDiscord.MEMBER_MANAGED_CHANNEL_ID, "reading-group", ChannelType.TEXT,
                List.of(new Overwrite(FakeDiscord.MEMBER_ID, true, FakeDiscord.MANAGE_CHANNELS, 0)))),
        List.of(new Member(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true, List.of(FakeDiscord.BOT_ROLE_ID)),
            new Member(FakeDiscord.MEMBER_ID, "reader", false, List.of()),
            new Member(FakeDiscord.MANAGER_ID, "moderator", false, List.of(FakeDiscord.MANAGER_ROLE_ID)),
            new Member(FakeDiscord.OWNER_ID, "owner", false, List.of())));
  }

  /** {@link FakeDiscord#OTHER_GUILD_ID}: one text channel, the bot and the owner. */
  static FakeGuild otherServer(long botPermissions) {
    return new FakeGuild(FakeDiscord.OTHER_GUILD_ID, "Other Server", FakeDiscord.OWNER_ID, memberPermissions(),
        List.of(new Role("1400000000000000003", FakeDiscord.BOT_NAME, botPermissions, 1)),
        List.of(new Channel(FakeDiscord.OTHER_CHANNEL_ID, "elsewhere", ChannelType.TEXT)),
        List.of(new Member(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true, List.of("1400000000000000003")),
            new Member(FakeDiscord.OWNER_ID, "owner", false, List.of())));
  }

  private static long memberPermissions() {
    return FakeDiscord.VIEW_CHANNEL | FakeDiscord.SEND_MESSAGES | FakeDiscord.READ_MESSAGE_HISTORY
        | FakeDiscord.USE_APPLICATION_COMMANDS;
  }

  /**
   * A guild with only text channels, the bot (its role holding {@code botPermissions}) and an
   * owner: enough for posting and for shard routing. Role id is the guild id plus one, so use
   * guild ids at least two apart.
   */
  public static FakeGuild withTextChannels(String id, String name, List<String> channelIds, long botPermissions) {
    return withChannels(id, name, channelIds, ChannelType.TEXT, botPermissions);
  }

  /** As {@link #withTextChannels}, with channels of {@code type} (e.g. forums). */
  public static FakeGuild withChannels(String id, String name, List<String> channelIds, ChannelType type,
      long botPermissions) {
    String botRole = Long.toString(Long.parseLong(id) + 1);
    return new FakeGuild(id, name, FakeDiscord.OWNER_ID, memberPermissions(),
        List.of(new Role(botRole, FakeDiscord.BOT_NAME, botPermissions, 1)),
        channelIds.stream().map(c -> new Channel(c, "channel-" + c, type)).toList(),
        List.of(new Member(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true, List.of(botRole)),
            new Member(FakeDiscord.OWNER_ID, "owner", false, List.of())));
  }

  /** Discord's channel types the fake knows. */
  public enum ChannelType {
    TEXT(0), FORUM(15);

    public final int code;

    ChannelType(int code) {
      this.code = code;
    }
  }

  public record Role(String id, String name, long permissions, int position) {}

  /**
   * A channel; {@code overwrites} are its permission overwrites.
   */
  public record Channel(String id, String name, ChannelType type, List<Overwrite> overwrites) {
    public Channel(String id, String name, ChannelType type) {
      this(id, name, type, List.of());
    }
  }

  /** A channel permission overwrite for a role ({@code member=false}) or a member. */
  public record Overwrite(String id, boolean member, long allow, long deny) {}

  public record Member(String userId, String username, boolean bot, List<String> roleIds) {}
}
