package io.paperboy.bot;

import io.paperboy.bot.cli.PaperboyCli;
import io.paperboy.bot.cli.Stdio;

/** Process entry point. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(PaperboyCli.execute(args, Stdio.system(), System.getenv()));
  }
}
