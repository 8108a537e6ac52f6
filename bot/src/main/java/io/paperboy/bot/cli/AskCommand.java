package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.console.ConsoleChannel;
import io.paperboy.bot.console.PipedConsoleIo;
import io.paperboy.core.console.ConsoleRenderer;
import io.paperboy.core.console.TerminalStyle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code paperboy ask "/paper 2406.04325"}: answer one command as the console shows it. */
@Command(name = "ask", description = "Answer one command as the console channel shows it, then exit.",
    mixinStandardHelpOptions = true)
final class AskCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "the command line, e.g. \"/top week 5\"")
  java.util.List<String> words;

  private final Launcher launcher;

  AskCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    PaperboyConfig config = launcher.config();
    try (Paperboy app = launcher.openExisting(config)) {
      Stdio stdio = launcher.stdio();
      ConsoleRenderer renderer = new ConsoleRenderer(TerminalStyle.forOutput(stdio.terminal(), launcher.env()),
          Launcher.charts(launcher.database(config)));
      ConsoleChannel console = new ConsoleChannel(app.commands(), renderer, app.clock(), PipedConsoleIo.output(stdio.out()));
      ConsoleChannel.Answer answer = console.answer(String.join(" ", words));
      console.print(answer.message());
      return ExitCodes.of(answer.outcome());
    }
  }
}
