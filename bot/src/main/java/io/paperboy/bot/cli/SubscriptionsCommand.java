package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PlatformIds;
import io.paperboy.bot.subscriptions.SubscriptionChanges;
import io.paperboy.bot.subscriptions.SubscriptionText;
import io.paperboy.bot.subscriptions.Subscribing;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Subscription;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
    throw new ParameterException(spec.commandLine(), "missing subcommand: list, add or remove");
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Every subscription (or one platform's / workspace's) with its next post and last delivery.")
  int list(@Option(names = "--platform", paramLabel = "discord|slack|console", description = "only this platform")
      Platform platform,
      @Option(names = "--workspace", paramLabel = "ID", description = "only this guild or workspace (with --platform)")
      String workspace) {
    if (workspace != null && platform == null) {
      throw new ParameterException(subcommand("list"),
          "--workspace needs --platform (a workspace id belongs to one platform)");
    }
    if (workspace != null) {
      PlatformIds.workspaceProblem(platform, workspace).ifPresent(problem -> {
        throw new ParameterException(subcommand("list"), "--workspace: " + problem);
      });
    }
    PrintStream out = launcher.stdio().out();
    try (Paperboy app = launcher.openExisting()) {
      Paperboy.SubscriptionAdmin admin = app.subscriptionAdmin();
      Instant now = app.clock().instant();
      List<Subscription> all;
      if (workspace != null) {
        all = admin.subscriptions().inWorkspace(platform, workspace);
      } else {
        all = admin.subscriptions().all().stream()
            .filter(s -> platform == null || s.channel().platform() == platform).toList();
      }
      if (all.isEmpty()) {
        out.println("no subscriptions");
        return ExitCodes.DONE;
      }
      for (Subscription s : all) {
        Optional<Delivery> last = admin.reports().forChannel(s.channel(), 1).stream().findFirst();
        out.println(s.channel().key() + (s.paused() ? "  PAUSED" : ""));
        out.println("  " + SubscriptionText.settings(s));
        out.println("  next: " + SubscriptionText.nextPost(s, now));
        out.println("  last: " + last.map(d -> SubscriptionText.status(d, s.zone())).orElse("none yet"));
      }
      return ExitCodes.DONE;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Subscribe a channel (or change its subscription); unnamed settings keep their value or default.")
  int add(@Parameters(index = "0", paramLabel = "PLATFORM", description = "discord, slack or console") Platform platform,
      @Parameters(index = "1", paramLabel = "WORKSPACE",
          description = "guild id (Discord, 17-20 digits), team id (Slack, T…) or local (console)") String workspace,
      @Parameters(index = "2", paramLabel = "CHANNEL",
          description = "channel id (Discord, 17-20 digits; Slack, C…, G… or D…) or console") String channel,
      @Option(names = "--thread", paramLabel = "ID", description = "post into this thread") String thread,
      @Option(names = "--time", paramLabel = "HH:MM", description = "local posting time") LocalTime time,
      @Option(names = "--timezone", paramLabel = "ZONE", description = "IANA zone, e.g. Asia/Seoul") ZoneId timezone,
      @Option(names = "--days", paramLabel = "DAYS", description = "weekdays, daily, weekends or mon,wed,fri") String days,
      @Option(names = "--top", paramLabel = "N", description = "only the N best-ranked papers (0 = all)") Long top,
      @Option(names = "--min-votes", paramLabel = "V", description = "only papers with at least V votes (0 = none)")
      Long minVotes,
      @Option(names = "--style", paramLabel = "digest|threads", description = "one message or a thread per paper")
      String style,
      @Option(names = "--no-digest-note", arity = "0..1", paramLabel = "yes|no",
          description = "post a short note on days without a digest") Boolean noDigestNote) {
    ChannelRef ref = channel(platform, workspace, channel, thread);
    PlatformIds.problem(ref).ifPresent(problem -> {
      throw new ParameterException(subcommand("add"), problem);
    });
    SubscriptionChanges parsed;
    try {
      parsed = SubscriptionChanges.parse(Optional.empty(), Optional.empty(), Optional.ofNullable(days),
          Optional.ofNullable(top), Optional.ofNullable(minVotes), Optional.ofNullable(style),
          Optional.ofNullable(noDigestNote));
    } catch (IllegalArgumentException e) {
      // "days: `someday` is not a day …": the option is named as it is spelt here
      throw new ParameterException(subcommand("add"), "--" + e.getMessage().replaceFirst("_", "-"));
    }
    SubscriptionChanges changes = new SubscriptionChanges(Optional.ofNullable(time), Optional.ofNullable(timezone),
        parsed.days(), parsed.top(), parsed.minVotes(), parsed.style(), parsed.noDigestNote());
    try (Paperboy app = launcher.open()) {
      Paperboy.SubscriptionAdmin admin = app.subscriptionAdmin();
      Instant now = app.clock().instant();
      Subscribing.Outcome outcome = admin.subscribing().subscribe(ref, changes, now);
      PrintStream out = launcher.stdio().out();
      out.println((outcome.created() ? "subscribed " : outcome.resumed() ? "resumed " : "updated ") + ref.key());
      out.println("  " + SubscriptionText.settings(outcome.subscription()));
      out.println("  next: " + SubscriptionText.nextPost(outcome.subscription(), now));
      return ExitCodes.DONE;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Unsubscribe a channel.")
  int remove(@Parameters(index = "0", paramLabel = "PLATFORM", description = "discord, slack or console") Platform platform,
      @Parameters(index = "1", paramLabel = "WORKSPACE", description = "guild id (Discord) or team id (Slack)") String workspace,
      @Parameters(index = "2", paramLabel = "CHANNEL", description = "channel id") String channel,
      @Option(names = "--thread", paramLabel = "ID", description = "the thread it posts into") String thread) {
    ChannelRef ref = channel(platform, workspace, channel, thread);
    try (Paperboy app = launcher.openExisting()) {
      Paperboy.SubscriptionAdmin admin = app.subscriptionAdmin();
      if (admin.subscribing().unsubscribe(ref, app.clock().instant())) {
        launcher.stdio().out().println("removed " + ref.key());
        return ExitCodes.DONE;
      }
      // checked only now, so a row stored before ids were checked can still be removed
      Optional<String> problem = PlatformIds.problem(ref);
      if (problem.isPresent()) {
        throw new ParameterException(subcommand("remove"), problem.get());
      }
      launcher.stdio().err().println("paperboy: " + ref.key() + " has no subscription");
      return ExitCodes.NOT_DONE;
    }
  }

  /** A method subcommand's own command line (picocli injects a spec into fields only), for its usage errors. */
  private CommandLine subcommand(String name) {
    return spec.commandLine().getSubcommands().get(name);
  }

  static ChannelRef channel(Platform platform, String workspace, String channel, String thread) {
    return new ChannelRef(platform, workspace, channel, Optional.ofNullable(thread));
  }
}
