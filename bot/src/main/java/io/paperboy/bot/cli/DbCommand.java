package io.paperboy.bot.cli;

import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.database.Backends;
import io.paperboy.bot.database.DatabaseCopy;
import io.paperboy.bot.database.DatabaseSetting;
import io.paperboy.store.Stores;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code paperboy db migrate|copy}: what an operator does to a database outside the bot: bring
 * its schema up to date before instances start, and move the embedded SQLite file to PostgreSQL.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
    description = "Migrate the database's schema, or copy a SQLite database into PostgreSQL.")
final class DbCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  private final Launcher launcher;

  DbCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: migrate or copy");
  }

  @Command(name = "migrate", mixinStandardHelpOptions = true,
      description = {"Create or migrate the schema of the database (--db, the config's `database`, $PAPERBOY_DB) "
          + "to this version's, and say which version it has. Safe to run again, and beside running instances."})
  int migrate() {
    PaperboyConfig config = launcher.config();
    DatabaseSetting database = launcher.database(config);
    PrintStream out = launcher.stdio().out();
    if (database instanceof DatabaseSetting.Postgres) {
      String before = Backends.currentSchemaVersion(database);
      try (Stores stores = Backends.open(database)) {
        String after = Backends.currentSchemaVersion(database);
        out.println(database.display() + ": schema version " + after
            + (before.equals(after) ? " (already current)" : " (was " + before + ")"));
      }
    } else {
      try (Stores stores = Backends.open(database)) {
        out.println(database.display() + ": schema current");
      }
    }
    return ExitCodes.DONE;
  }

  @Command(name = "copy", mixinStandardHelpOptions = true,
      description = {"Copy everything from a SQLite database into PostgreSQL: digests and papers, subscriptions, "
          + "alerts (with their ids), the outbox with its delivery history, and alert batches, in one transaction.",
          "Refuses a target that holds data already unless --replace is given."})
  int copy(@Option(names = "--from", paramLabel = "FILE.db", required = true, description = "the SQLite database file")
      Path from,
      @Option(names = "--to", paramLabel = "postgresql://…", description = "the PostgreSQL database "
          + "(default: --db / the config's `database`, when that is PostgreSQL)") String to,
      @Option(names = "--replace", description = "empty the target first (everything in it is lost)") boolean replace) {
    PaperboyConfig config = launcher.config();
    DatabaseSetting target = DatabaseSetting.parse(to != null ? to : config.database(), launcher.env());
    if (!(target instanceof DatabaseSetting.Postgres)) {
      throw new ParameterException(spec.commandLine().getSubcommands().get("copy"),
          "--to must be a postgresql:// URL (got " + DatabaseSetting.mask(target.display()) + ")");
    }
    if (!Files.isRegularFile(from)) {
      throw new MissingDatabaseException(from, Files.isDirectory(from));
    }
    PrintStream out = launcher.stdio().out();
    try (Stores source = Backends.open(new DatabaseSetting.SqliteFile(from)); Stores destination = Backends.open(target)) {
      DatabaseCopy.Outcome outcome = DatabaseCopy.copy(source, from.toString(), destination, replace, launcher.common().clock(config.zone()));
      if (outcome instanceof DatabaseCopy.Outcome.Refused refused) {
        launcher.stdio().err().println("paperboy: " + target.display() + " already holds " + String.join(", ", refused.tables())
            + " rows; copy into an empty database or schema (?currentSchema=…), or add --replace to empty it first");
        return ExitCodes.NOT_DONE;
      }
      out.println("copied " + from + " to " + target.display() + ": " + ((DatabaseCopy.Outcome.Copied) outcome).summary());
    }
    return ExitCodes.DONE;
  }
}
