package io.paperboy.bot.cli;

import io.paperboy.bot.config.Quoting;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a malformed command line is answered: one line saying what is wrong (the option or
 * parameter, then the problem in the console's words), picocli's suggestions for a misspelt
 * name, the command's synopsis and where the full help is — never the whole help page, which
 * buries the one line that matters. Exit code 2.
 */
final class UsageErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cli = ex.getCommandLine();
    PrintWriter err = cli.getErr();
    String command = cli.getCommandSpec().qualifiedName();
    err.println(command + ": " + describe(ex));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.print("Usage: " + cli.getHelp().synopsis("Usage: ".length()));
    err.println("`" + command + " --help` explains every option.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  static String describe(ParameterException ex) {
    if (ex.getCause() instanceof TypeConversionException conversion) {
      return name(ex.getArgSpec()) + ": " + conversion.getMessage() + ".";
    }
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = Quoting.quote(unmatched.getUnmatched().get(0));
      if (unmatched.isUnknownOption()) {
        return "unknown option " + first + ".";
      }
      Set<String> commands = ex.getCommandLine().getSubcommands().keySet();
      return commands.isEmpty() ? "unexpected argument " + first + "."
          : first + " is not a command (" + String.join(", ", commands) + ").";
    }
    // picocli's own messages quote with '…'; every Paperboy message quotes with backticks
    String message = ex.getMessage().replaceAll("'([^']*)'", "`$1`");
    return message.endsWith(".") ? message : message + ".";
  }

  private static String name(ArgSpec spec) {
    if (spec instanceof OptionSpec option) {
      return option.longestName();
    }
    if (spec instanceof PositionalParamSpec positional) {
      return positional.paramLabel();
    }
    return "value";
  }
}
