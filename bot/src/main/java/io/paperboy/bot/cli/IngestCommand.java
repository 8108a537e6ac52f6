package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.scheduler.digest.DigestRejectedException;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.scheduler.ingest.IngestReport;
import io.paperboy.scheduler.ingest.NamedForAnotherDay;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code paperboy ingest PATH...}: parse and store digest files; refused files are named on stderr. */
@Command(name = "ingest", description = "Parse and store digest files or folders (recursive, *.md).",
    mixinStandardHelpOptions = true)
final class IngestCommand implements Callable<Integer> {

  /** Below this many files a progress bar is more noise than help. */
  private static final int PROGRESS_MIN_FILES = 20;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "digest files or folders")
  List<Path> paths;

  private final Launcher launcher;

  IngestCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    try (Paperboy app = launcher.open()) {
      IngestReport report;
      if (System.console() != null && countHint() >= PROGRESS_MIN_FILES) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(launcher.stdio().err())).build()) {
          report = app.ingest(paths, (file, done, total) -> {
            bar.maxHint(total);
            bar.stepTo(done);
          });
        }
      } else {
        report = app.ingest(paths, IngestProgress.NONE);
      }
      for (DigestRejectedException refusal : report.refusals()) {
        launcher.stdio().err().println(refusal.getMessage());
      }
      for (NamedForAnotherDay misnamed : report.misnamed()) {
        launcher.stdio().err().println("warning: " + misnamed.message());
      }
      launcher.stdio().out().println(report.summary());
      return report.refusals().isEmpty() ? ExitCodes.DONE : ExitCodes.BAD_INPUT;
    }
  }

  private int countHint() {
    // folders make any batch potentially large; single files are counted as given
    return paths.stream().anyMatch(p -> p.toFile().isDirectory()) ? PROGRESS_MIN_FILES : paths.size();
  }
}
