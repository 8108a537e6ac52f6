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
      System.err.println("peak-rss-kb: " + ownPeakRssKb());
    }
    System.exit(code);
  }

  /** This process's peak resident set (VmHWM), in KiB; -1 where /proc is absent. */
  private static long ownPeakRssKb() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
