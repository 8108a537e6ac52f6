package io.paperboy.bot;

import io.paperboy.bot.cli.PaperboyCli;
import io.paperboy.bot.cli.Stdio;

/** Process entry point. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code = PaperboyCli.execute(args, Stdio.system(), System.getenv());
    if (Boolean.getBoolean("paperboy.reportPeakRss")) {
      // read by `paperboy bench`, which starts Paperboy in a child process to measure it
      System.err.println("peak-rss-kb: " + io.paperboy.bot.bench.ProcessBenchmarks.ownPeakRssKb());
    }
    System.exit(code);
  }
}
