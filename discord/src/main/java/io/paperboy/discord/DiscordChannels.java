package io.paperboy.discord;

import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.store.ChannelRef;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * Finds the channel a {@link ChannelRef} names in the bot's cache, and checks that it is where the
 * reference says: a channel of another guild is treated as unknown, so nothing one guild
 * configured can ever post into another.
 */
final class DiscordChannels {

  private DiscordChannels() {}

  /** The target to post to: a forum (for {@link PostStyle#FORUM}, or any style to a forum), a thread, or a message channel. */
  static GuildChannel resolve(JDA jda, ChannelRef ref, PostStyle style) throws PostException {
    GuildChannel channel = jda.getGuildChannelById(ref.channel());
    if (channel == null || !channel.getGuild().getId().equals(ref.workspace())) {
      throw gone(ref, "the bot sees no channel " + ref.channel() + " in guild " + ref.workspace());
    }
    if (ref.thread().isPresent()) {
      ThreadChannel thread = jda.getThreadChannelById(ref.thread().get());
      if (thread == null || thread.getParentChannel().getIdLong() != channel.getIdLong()) {
        throw gone(ref, "the bot sees no thread " + ref.thread().get() + " in channel " + ref.channel());
      }
      return thread;
    }
    // a forum takes a day only as a forum post, so a subscription to one posts there whatever its style
    if (style == PostStyle.FORUM || channel instanceof ForumChannel) {
      if (!(channel instanceof ForumChannel)) {
        throw new PostException(PostException.Kind.PERMANENT, "not-a-forum",
            ref.key() + " is a " + channel.getType() + " channel; the forum style needs a forum channel");
      }
      return channel;
    }
    if (!(channel instanceof GuildMessageChannel)) {
      throw new PostException(PostException.Kind.PERMANENT, "not-a-text-channel",
          ref.key() + " is a " + channel.getType() + " channel; messages can only be posted to text channels");
    }
    return channel;
  }

  private static PostException gone(ChannelRef ref, String why) {
    return new PostException(PostException.Kind.CHANNEL_GONE, "10003", "cannot post to " + ref.key() + ": " + why);
  }
}
