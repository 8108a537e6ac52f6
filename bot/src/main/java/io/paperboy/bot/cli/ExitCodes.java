package io.paperboy.bot.cli;

import io.paperboy.core.command.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The one exit-code rule of every command, as a terminal user reads it: 0 done, 1 not done
 * although the input was fine (worth retrying after fixing the world), 2 bad input (fix what was
 * typed). It agrees with picocli's own codes (a parse error is 2, an uncaught exception 1), and
 * with {@code grep}/{@code diff}-style tools where 2 means "you called me wrong".
 */
final class ExitCodes {

  static final int DONE = 0;
  static final int NOT_DONE = 1;
  static final int BAD_INPUT = 2;

  private ExitCodes() {}

  /** The rule as {@code --help} lists it. */
  static Map<String, String> described() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" " + DONE, "done: the command did what was asked, or answered (an answer that finds nothing, "
        + "such as a search without hits, is still an answer)");
    codes.put(" " + NOT_DONE, "not done, though the input was well-formed: no database at the path, nothing "
        + "stored to show, nothing to remove, or an unexpected failure (logged)");
    codes.put(" " + BAD_INPUT, "bad input: an unknown option or command, a malformed value or command argument, "
        + "a bad configuration value, or a refused digest file; the message says what and where");
    return codes;
  }

  /** Shows the rule in the help of {@code cli} and of every command below it. */
  static void document(CommandLine cli) {
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(described());
    cli.getSubcommands().values().forEach(sub -> {
      if (sub != cli) {
        document(sub);
      }
    });
  }

  /** {@code paperboy ask}'s code for how the command ended. */
  static int of(Outcome outcome) {
    return switch (outcome) {
      case ANSWERED -> DONE;
      case USAGE_ERROR -> BAD_INPUT;
      case REFUSED, FAILED -> NOT_DONE;
    };
  }
}
