package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.discord.DiscordPreview;
import io.paperboy.core.message.Message;
import io.paperboy.slack.SlackPreview;
import io.paperboy.store.DigestEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperboy preview --platform discord|slack --date D}: the exact request bodies of a day's
 * daily post with the default subscription (all papers), as a JSON array — nothing is sent.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
    description = "Print the request bodies of a day's daily post for Discord or Slack (JSON array); sends nothing.")
final class PreviewCommand implements Callable<Integer> {

  /** The platforms a preview can be drawn for. */
  enum Target { discord, slack }

  @Option(names = "--platform", required = true, paramLabel = "discord|slack", description = "whose request bodies")
  Target platform;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the digest day")
  LocalDate date;

  private final Launcher launcher;

  PreviewCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    try (Paperboy app = launcher.open()) {
      List<DigestEntry> entries = app.store().digest(date);
      if (entries.isEmpty()) {
        launcher.stdio().err().println("paperboy: no digest is stored for " + date
            + app.store().nearestDigestDate(date).map(d -> "; the nearest day with one is " + d).orElse(""));
        return ExitCodes.NOT_DONE;
      }
      Message post = app.dailyPosts().dailyPost(date, entries);
      String json = platform == Target.discord ? DiscordPreview.previewJson(post) : SlackPreview.previewJson(post);
      launcher.stdio().out().println(json);
      return ExitCodes.DONE;
    }
  }
}
