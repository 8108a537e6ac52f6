package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.delivery.PostComposer;
import io.paperboy.discord.DiscordPreview;
import io.paperboy.core.message.Message;
import io.paperboy.slack.SlackPreview;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Subscription;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperboy preview --platform discord|slack [--date D]}: the exact request bodies of a day's
 * daily post (the latest stored day unless {@code --date} names one, as {@code /preview} does) with
 * the default subscription (all papers, digest style) and the configured flood bound
 * ({@code delivery.max-papers}, {@code delivery.max-messages}), as a JSON array — the messages the
 * delivery worker would send, nothing is sent.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
    description = "Print the request bodies of a day's daily post for Discord or Slack (JSON array); sends nothing.")
final class PreviewCommand implements Callable<Integer> {

  /** The platforms a preview can be drawn for. */
  enum Target {
    discord(Platform.DISCORD), slack(Platform.SLACK);

    final Platform platform;

    Target(Platform platform) {
      this.platform = platform;
    }
  }

  @Option(names = "--platform", required = true, paramLabel = "discord|slack", description = "whose request bodies")
  Target platform;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the digest day (default: the latest stored day)")
  LocalDate date;

  private final Launcher launcher;

  PreviewCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    try (Paperboy app = launcher.openExisting()) {
      Paperboy.PaperReading reading = app.paperReading();
      Optional<LocalDate> day = date == null ? reading.papers().latestDigestDate() : Optional.of(date);
      if (day.isEmpty()) {
        launcher.stdio().err().println("paperboy: no digest is stored yet, so there is nothing to preview "
            + "(store one with `./paperboy ingest PATH…` or `./paperboy run`)");
        return ExitCodes.NOT_DONE;
      }
      List<DigestEntry> entries = reading.papers().digest(day.get());
      if (entries.isEmpty()) {
        launcher.stdio().err().println("paperboy: no digest is stored for " + day.get()
            + reading.papers().nearestDigestDate(day.get()).map(d -> "; the nearest day with one is " + d).orElse(""));
        return ExitCodes.NOT_DONE;
      }
      // the default subscription: every paper, no vote threshold; the bound decides what shows
      PostComposer.Composed composed = reading.posts().daily(platform.platform, Subscription.Style.DIGEST, day.get(), 0,
          Optional.empty());
      Message post = ((PostComposer.Post) composed).message();
      String json = platform == Target.discord ? DiscordPreview.previewJson(post) : SlackPreview.previewJson(post);
      launcher.stdio().out().println(json);
      return ExitCodes.DONE;
    }
  }
}
