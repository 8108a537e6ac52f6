package io.paperboy.bot.cli;

import io.paperboy.bot.config.ConfigException;
import io.paperboy.bot.database.DatabaseSetting;
import io.paperboy.store.StoreException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level command: with no subcommand it runs the main job. */
@Command(name = "paperboy", mixinStandardHelpOptions = true, version = "paperboy 0.1.0",
    description = {"Delivers the daily AI-papers digest to Discord, Slack and the console.",
        "Without a command it runs the main job (as `run`)."},
    footerHeading = "%n", footer = "`./paperboy bench [--quick]` runs the benchmarks: their own jar "
        + "(bench/target/paperboy-bench.jar), with their own options (`./paperboy bench --help`).",
    subcommands = {CommandLine.HelpCommand.class})
public final class PaperboyCli implements Callable<Integer> {

  private final Launcher launcher;

  /** {@code --db}, {@code --config}, {@code --now}: here, and inherited by every subcommand. */
  @Mixin
  CommonOptions common;

  private PaperboyCli(Launcher launcher) {
    this.launcher = launcher;
    this.common = launcher.common();
  }

  @Override
  public Integer call() throws Exception {
    return new RunCommand(launcher).call();
  }

  /** Runs the CLI with the given streams and environment; returns the exit code. */
  public static int execute(String[] args, Stdio stdio, Map<String, String> env) {
    Launcher launcher = new Launcher(stdio, env);
    CommandLine cli = new CommandLine(new PaperboyCli(launcher));
    if (Launcher.isAsk(args)) {
      // picocli reflects over every subcommand it is given; `ask` is answered within a second, and
      // the others' models are a sixth of that (the README's Performance notes)
      cli.addSubcommand(new AskCommand(launcher));
    } else {
      cli.addSubcommand(new RunCommand(launcher))
          .addSubcommand(new IngestCommand(launcher))
          .addSubcommand(new ExportCommand(launcher))
          .addSubcommand(new AskCommand(launcher))
          .addSubcommand(new PreviewCommand(launcher))
          .addSubcommand(new SubscriptionsCommand(launcher))
          .addSubcommand(new DbCommand(launcher));
    }
    ExitCodes.document(cli);
    Converters.register(cli);
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setOut(new java.io.PrintWriter(stdio.out(), true));
    cli.setErr(new java.io.PrintWriter(stdio.err(), true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // a database that cannot be opened (not SQLite, another program's, a newer schema): the
      // store's message names the file and says why; a stack trace would bury that line
      if (e instanceof MissingDatabaseException || e instanceof StoreException) {
        stdio.err().println("paperboy: " + e.getMessage());
        return ExitCodes.NOT_DONE;
      }
      if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
        stdio.err().println("paperboy: " + DatabaseSetting.mask(e.getMessage()));
        return ExitCodes.BAD_INPUT;
      }
      if (e instanceof StoreException) {
        // the database failed or refused (unreachable, wrong credentials, newer schema): the world, not the input
        stdio.err().println("paperboy: " + DatabaseSetting.mask(e.getMessage()));
        return ExitCodes.NOT_DONE;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
