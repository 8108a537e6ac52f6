package io.paperboy.discord;

import io.paperboy.core.gateway.PostStyle;
import java.util.EnumSet;
import net.dv8tion.jda.api.Permission;

/**
 * The channel permissions the bot needs, derived from what it does, so the invite URL asks for
 * exactly these and nothing more. Answering slash commands needs no permission at all (the
 * {@code applications.commands} scope covers it).
 */
final class DiscordPermissions {

  /** The OAuth2 scopes of the invite: a bot user plus its slash commands. */
  static final String[] SCOPES = {"bot", "applications.commands"};

  private DiscordPermissions() {}

  /** What posting in {@code style} needs. */
  static EnumSet<Permission> forStyle(PostStyle style) {
    EnumSet<Permission> base = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);
    switch (style) {
      case DIGEST -> { }
      // a thread per paper, started from the paper's message
      case THREADS -> base.addAll(EnumSet.of(Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS));
      // a forum post is a thread; the day's further messages go into it
      case FORUM -> base.add(Permission.MESSAGE_SEND_IN_THREADS);
    }
    return base;
  }

  /** Everything any post style needs: what the invite URL asks for. */
  static EnumSet<Permission> required() {
    EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
    for (PostStyle style : PostStyle.values()) {
      all.addAll(forStyle(style));
    }
    return all;
  }
}
