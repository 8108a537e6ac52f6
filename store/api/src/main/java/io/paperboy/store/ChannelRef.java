package io.paperboy.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A chat channel: platform + workspace (Slack team) or guild (Discord) + channel, optionally a
 * thread. Everything a user configures is scoped by it, so nothing crosses guilds or workspaces.
 * A direct message uses the user id's DM channel with workspace {@code "@me"} on Discord.
 */
public record ChannelRef(Platform platform, String workspace, String channel, Optional<String> thread) {

  public ChannelRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(thread, "thread");
    if (workspace.isBlank() || channel.isBlank()) {
      throw new IllegalArgumentException("workspace and channel must not be blank");
    }
  }

  public static ChannelRef of(Platform platform, String workspace, String channel) {
    return new ChannelRef(platform, workspace, channel, Optional.empty());
  }

  /** The console's single channel. */
  public static ChannelRef console() {
    return of(Platform.CONSOLE, "local", "console");
  }

  /**
   * A user's direct messages on a platform: the gateway opens (or finds) the DM channel. The
   * channel part is {@code @} plus the user id, which no real channel id starts with.
   */
  public static ChannelRef directMessage(Platform platform, String workspace, String userId) {
    return of(platform, workspace, "@" + userId);
  }

  /** Whether this names a user's direct messages rather than a channel. */
  public boolean isDirectMessage() {
    return channel.startsWith("@");
  }

  /** The user of a {@link #directMessage}; empty for a channel. */
  public Optional<String> directMessageUser() {
    return isDirectMessage() ? Optional.of(channel.substring(1)) : Optional.empty();
  }

  /** A stable text key, e.g. {@code slack:T1:C9}; used in the outbox and in logs. */
  public String key() {
    return platform.name().toLowerCase(java.util.Locale.ROOT) + ":" + workspace + ":" + channel
        + thread.map(t -> ":" + t).orElse("");
  }
}
