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
