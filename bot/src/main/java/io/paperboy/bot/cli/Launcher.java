package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.database.Backends;
import io.paperboy.bot.database.DatabaseSetting;
import io.paperboy.bot.config.ConfigLoader;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.instance.InstanceId;
import io.paperboy.bot.instance.SqliteRunLock;
import java.nio.file.Files;
import io.paperboy.core.console.AttachmentFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What every subcommand needs to start: the standard streams, the environment, config loading. */
final class Launcher {

  private final Stdio stdio;
  private final Map<String, String> env;
  private final CommonOptions common = new CommonOptions();
  /** {@code --ops-port} of {@code run} (or of the top command, which runs it). */
  private Integer opsPort;

  Launcher(Stdio stdio, Map<String, String> env) {
    this.stdio = stdio;
    this.env = env;
  }

  /**
   * Whether the command line names {@code ask} as its subcommand: its first word that is neither
   * an option nor the value of one of the {@link CommonOptions}.
   */
  static boolean isAsk(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--db") || arg.equals("--config") || arg.equals("--now")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg.equals("ask");
      }
    }
    return false;
  }

  /** The options every command takes; picocli fills them wherever on the line they stand. */
  CommonOptions common() {
    return common;
  }

  Stdio stdio() {
    return stdio;
  }

  Map<String, String> env() {
    return env;
  }

  void opsPort(int port) {
    this.opsPort = port;
  }

  /** Loads the configuration: {@code --config}, else {@code $PAPERBOY_CONFIG}, then the environment, then {@code --db}. */
  PaperboyConfig config() {
    Optional<Path> file = Optional.ofNullable(common.config)
        .or(() -> Optional.ofNullable(env.get(ConfigLoader.CONFIG_FILE_VARIABLE)).map(Path::of));
    PaperboyConfig config = file.isEmpty() && !setsAnything(env) ? PaperboyConfig.defaults()
        : new ConfigLoader().load(file, env);
    if (opsPort != null) {
      if (opsPort < 0 || opsPort > 65535) {
        throw new IllegalArgumentException("--ops-port " + opsPort + " is not a TCP port (0-65535; 0 picks a free one)");
      }
      config = config.withOps(config.ops().withPort(opsPort));
    }
    return common.db == null ? config : config.withDatabase(common.db);
  }

  /** What the configured database setting names (a SQLite file or a PostgreSQL URL). */
  DatabaseSetting database(PaperboyConfig config) {
    return DatabaseSetting.parse(config.database(), env);
  }

  /*
   * With no file and no PAPERBOY_* setting the loader would bind an empty tree to the defaults;
   * skipping it saves building its Jackson binder (about 0.3 s of a 1 s `ask`, see the README's
   * Performance notes). ConfigLoaderDefaultsTest pins that both give the same configuration.
   */
  private static boolean setsAnything(Map<String, String> env) {
    return env.keySet().stream().anyMatch(v -> v.startsWith("PAPERBOY_")
        && !v.equals(ConfigLoader.CONFIG_FILE_VARIABLE) && !v.equals(ConfigLoader.LOG_LEVEL_VARIABLE));
  }

  /**
   * Where the console saves the images answers carry (a {@code /trend} chart): {@code charts/}
   * beside the database, so {@code data/charts/} by default.
   */
  static AttachmentFiles charts(DatabaseSetting database) {
    if (!(database instanceof DatabaseSetting.SqliteFile sqlite)) {
      return new AttachmentFiles(Path.of("data", "charts")); // no file to stand beside
    }
    Path parent = sqlite.file().getParent();
    return new AttachmentFiles(parent == null ? Path.of("charts") : parent.resolve("charts"));
  }

  /**
   * The right of this process to run the main job on the configured database: on a SQLite file,
   * its exclusive lock (taken before the database is opened, so a refused second instance touches
   * nothing); on a shared server database, nothing to take — instances coordinate in the database.
   *
   * @throws SqliteRunLock.AlreadyRunningException naming the file and the process holding it
   */
  AutoCloseable lockForRun(DatabaseSetting database) {
    if (database instanceof DatabaseSetting.SqliteFile sqlite) {
      return SqliteRunLock.acquire(sqlite.file(), InstanceId.current());
    }
    return () -> { };
  }

  /** Opens the database, creating it (and its folder) if it does not exist: for commands that store. */
  Paperboy open() {
    return open(config());
  }

  /** {@link #open()} with the configuration the caller loaded already (and derived its database from). */
  Paperboy open(PaperboyConfig config) {
    return Paperboy.open(config, common.clock(config.zone()), env);
  }

  /**
   * Opens a database that must exist already: for commands that only read (or remove), which
   * would otherwise create an empty database wherever a mistyped {@code --db} points. Checked
   * here, before the store is touched, so nothing is created on the way to the error.
   *
   * @throws MissingDatabaseException naming the path and how to create it
   */
  Paperboy openExisting() {
    return openExisting(config());
  }

  /** {@link #openExisting()} with the configuration the caller loaded already. */
  Paperboy openExisting(PaperboyConfig config) {
    DatabaseSetting database = database(config);
    if (database instanceof DatabaseSetting.Postgres) {
      if (Backends.currentSchemaVersion(database).equals("none")) {
        throw new MissingDatabaseException(database.display());
      }
      return Paperboy.open(config, common.clock(config.zone()), env);
    }
    Path path = config.databasePath();
    if (!Files.exists(path)) {
      throw new MissingDatabaseException(path, false);
    }
    if (Files.isDirectory(path)) {
      throw new MissingDatabaseException(path, true);
    }
    return Paperboy.open(config, common.clock(config.zone()), env);
  }
}
