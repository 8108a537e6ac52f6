package io.paperboy.bot.config;

import static io.paperboy.bot.config.Quoting.quote;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes of the ids people copy from Discord and Slack into Paperboy (the CLI, the
 * configuration), checked where they come in so that a typo is an error with an example, not a
 * subscription to a channel that cannot exist.
 *
 * <ul>
 *   <li>Discord guilds, channels and threads: snowflakes, unsigned 64-bit numbers written in
 *       decimal — 17 to 20 digits for any id made since Discord's 2015 epoch.
 *   <li>Slack: a letter saying the kind, then uppercase letters and digits — workspaces {@code T…}
 *       (Enterprise Grid organisations {@code E…}), channels {@code C…} (public), {@code G…}
 *       (private, older ones) and {@code D…} (direct messages), users {@code U…} or {@code W…}.
 *       Slack warns ids grow over time (9 characters once, 11 now), so only a lower bound is held,
 *       plus a generous upper one. Threads are a parent message's {@code ts}, {@code 1718000000.123456}.
 *   <li>The console has a single channel, {@code console local console}.
 * </ul>
 */
public final class PlatformIds {

  private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");
  private static final Pattern SLACK_WORKSPACE = Pattern.compile("[TE][A-Z0-9]{8,31}");
  private static final Pattern SLACK_CHANNEL = Pattern.compile("[CGD][A-Z0-9]{8,31}");
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{8,31}");
  private static final Pattern SLACK_TS = Pattern.compile("\\d{10}\\.\\d{6}");


  private PlatformIds() {}

  /** What is wrong with the ids of {@code channel}, or empty when each has its platform's shape. */
  public static Optional<String> problem(ChannelRef channel) {
    return switch (channel.platform()) {
      case DISCORD -> discord(channel.workspace(), "guild (server)", "the server", "Copy Server ID")
          .or(() -> discord(channel.channel(), "channel", "the channel", "Copy Channel ID"))
          .or(() -> channel.thread().flatMap(t -> discord(t, "thread", "the thread", "Copy Thread ID")));
      case SLACK -> slackWorkspace(channel.workspace())
          .or(() -> matches(SLACK_CHANNEL, channel.channel()) ? Optional.empty()
              : Optional.of(quote(channel.channel()) + " is not a Slack channel id: C (public), G (private) or D (direct "
                  + "message), then 8 or more uppercase letters and digits, e.g. C012AB3CD4E (channel details → "
                  + "About, at the bottom)"))
          .or(() -> channel.thread().filter(t -> !matches(SLACK_TS, t)).map(t -> quote(t)
              + " is not a Slack thread: the ts of its first message, e.g. 1718000000.123456 (Copy link: the digits "
              + "after /p, with a dot before the last six)"));
      case CONSOLE -> channel.equals(ChannelRef.console()) ? Optional.empty()
          : Optional.of("the console has one channel: console local console (no thread)");
    };
  }

  /** What is wrong with a workspace id of {@code platform} (for filters such as {@code --workspace}). */
  public static Optional<String> workspaceProblem(Platform platform, String workspace) {
    return switch (platform) {
      case DISCORD -> discord(workspace, "guild (server)", "the server", "Copy Server ID");
      case SLACK -> slackWorkspace(workspace);
      case CONSOLE -> workspace.equals(ChannelRef.console().workspace()) ? Optional.empty()
          : Optional.of("the console's only workspace is `local`");
    };
  }

  /** What is wrong with a Slack user id ({@code slack.managers}). */
  public static Optional<String> slackUserProblem(String user) {
    return matches(SLACK_USER, user) ? Optional.empty()
        : Optional.of(quote(user) + " is not a Slack user id: U or W, then 8 or more uppercase letters and digits, "
            + "e.g. U012AB3CD4E (their profile → ⋮ → Copy member ID)");
  }

  private static Optional<String> discord(String id, String what, String where, String menu) {
    if (matches(SNOWFLAKE, id)) {
      try {
        Long.parseUnsignedLong(id);
        return Optional.empty();
      } catch (NumberFormatException e) {
        // 20 digits above 2^64 - 1: not a snowflake either
      }
    }
    return Optional.of(quote(id) + " is not a Discord " + what + " id: 17 to 20 digits, e.g. 1200000000000000001 "
        + "(User Settings → Advanced → Developer Mode on, then right-click " + where + " → " + menu + ")");
  }

  private static Optional<String> slackWorkspace(String id) {
    return matches(SLACK_WORKSPACE, id) ? Optional.empty()
        : Optional.of(quote(id) + " is not a Slack workspace id: T (or E for an Enterprise Grid organisation), then 8 "
            + "or more uppercase letters and digits, e.g. T012AB3C4D5 (in Slack in a browser, the T… part of "
            + "app.slack.com/client/T…/…)");
  }

  private static boolean matches(Pattern p, String s) {
    return p.matcher(s).matches();
  }
}
