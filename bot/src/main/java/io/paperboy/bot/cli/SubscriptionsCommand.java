package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.subscriptions.SubscriptionChanges;
import io.paperboy.bot.subscriptions.SubscriptionText;
import io.paperboy.bot.subscriptions.Subscribing;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Subscription;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paperboy subscriptions list|add|remove}: the daily-post subscriptions for operators and
 * scripts, with the same settings as {@code /subscribe}.
 */
@Command(name = "subscriptions", description = "List, add or remove channel subscriptions to the daily post.",
    mixinStandardHelpOptions = true)
final class SubscriptionsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  private final Launcher launcher;

  SubscriptionsCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(launcher.stdio().err());
    return 2;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Every subscription (or one platform's / workspace's) with its next post and last delivery.")
  int list(@Mixin CommonOptions common,
      @Option(names = "--platform", paramLabel = "discord|slack|console", description = "only this platform") String platform,
      @Option(names = "--workspace", paramLabel = "ID", description = "only this guild or workspace (with --platform)")
      String workspace) {
    PrintStream out = launcher.stdio().out();
    try (Paperboy app = launcher.open(common)) {
      Instant now = app.clock().instant();
      List<Subscription> all;
      if (workspace != null) {
        if (platform == null) {
          throw new IllegalArgumentException("--workspace needs --platform (a workspace id belongs to one platform)");
        }
        all = app.subscriptions().inWorkspace(platform(platform), workspace);
      } else {
        all = app.subscriptions().all().stream()
            .filter(s -> platform == null || s.channel().platform() == platform(platform)).toList();
      }
      if (all.isEmpty()) {
        out.println("no subscriptions");
        return 0;
      }
      for (Subscription s : all) {
        Optional<Delivery> last = app.reports().forChannel(s.channel(), 1).stream().findFirst();
        out.println(s.channel().key() + (s.paused() ? "  PAUSED" : ""));
        out.println("  " + SubscriptionText.settings(s));
        out.println("  next: " + SubscriptionText.nextPost(s, now));
        out.println("  last: " + last.map(d -> SubscriptionText.status(d, s.zone())).orElse("none yet"));
      }
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Subscribe a channel (or change its subscription); unnamed settings keep their value or default.")
  int add(@Mixin CommonOptions common,
      @Parameters(index = "0", paramLabel = "PLATFORM", description = "discord, slack or console") String platform,
      @Parameters(index = "1", paramLabel = "WORKSPACE", description = "guild id (Discord) or team id (Slack)") String workspace,
      @Parameters(index = "2", paramLabel = "CHANNEL", description = "channel id") String channel,
      @Option(names = "--thread", paramLabel = "ID", description = "post into this thread") String thread,
      @Option(names = "--time", paramLabel = "HH:MM", description = "local posting time") String time,
      @Option(names = "--timezone", paramLabel = "ZONE", description = "IANA zone, e.g. Asia/Seoul") String timezone,
      @Option(names = "--days", paramLabel = "DAYS", description = "weekdays, daily, weekends or mon,wed,fri") String days,
      @Option(names = "--top", paramLabel = "N", description = "only the N best-ranked papers (0 = all)") Long top,
      @Option(names = "--min-votes", paramLabel = "V", description = "only papers with at least V votes (0 = none)")
      Long minVotes,
      @Option(names = "--style", paramLabel = "digest|threads", description = "one message or a thread per paper")
      String style,
      @Option(names = "--no-digest-note", arity = "0..1", paramLabel = "yes|no",
          description = "post a short note on days without a digest") Boolean noDigestNote) {
    ChannelRef ref = channel(platform, workspace, channel, thread);
    SubscriptionChanges changes = SubscriptionChanges.parse(Optional.ofNullable(time), Optional.ofNullable(timezone),
        Optional.ofNullable(days), Optional.ofNullable(top), Optional.ofNullable(minVotes), Optional.ofNullable(style),
        Optional.ofNullable(noDigestNote));
    try (Paperboy app = launcher.open(common)) {
      Instant now = app.clock().instant();
      Subscribing.Outcome outcome = app.subscribing().subscribe(ref, changes, now);
      PrintStream out = launcher.stdio().out();
      out.println((outcome.created() ? "subscribed " : outcome.resumed() ? "resumed " : "updated ") + ref.key());
      out.println("  " + SubscriptionText.settings(outcome.subscription()));
      out.println("  next: " + SubscriptionText.nextPost(outcome.subscription(), now));
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Unsubscribe a channel.")
  int remove(@Mixin CommonOptions common,
      @Parameters(index = "0", paramLabel = "PLATFORM", description = "discord, slack or console") String platform,
      @Parameters(index = "1", paramLabel = "WORKSPACE", description = "guild id (Discord) or team id (Slack)") String workspace,
      @Parameters(index = "2", paramLabel = "CHANNEL", description = "channel id") String channel,
      @Option(names = "--thread", paramLabel = "ID", description = "the thread it posts into") String thread) {
    ChannelRef ref = channel(platform, workspace, channel, thread);
    try (Paperboy app = launcher.open(common)) {
      if (app.subscribing().unsubscribe(ref, app.clock().instant())) {
        launcher.stdio().out().println("removed " + ref.key());
        return 0;
      }
      launcher.stdio().err().println("paperboy: " + ref.key() + " has no subscription");
      return 1;
    }
  }

  private static final Map<String, Platform> PLATFORMS = Map.of(
      "discord", Platform.DISCORD, "slack", Platform.SLACK, "console", Platform.CONSOLE);

  static Platform platform(String text) {
    Platform p = PLATFORMS.get(text.strip().toLowerCase(Locale.ROOT));
    if (p == null) {
      throw new IllegalArgumentException("'" + text + "' is not a platform (discord, slack or console)");
    }
    return p;
  }

  static ChannelRef channel(String platform, String workspace, String channel, String thread) {
    return new ChannelRef(platform(platform), workspace, channel, Optional.ofNullable(thread));
  }
}
