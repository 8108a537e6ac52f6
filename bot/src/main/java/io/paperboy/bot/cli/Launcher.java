package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.ConfigLoader;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.core.console.AttachmentFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What every subcommand needs to start: the standard streams, the environment, config loading. */
final class Launcher {

  private final Stdio stdio;
  private final Map<String, String> env;

  Launcher(Stdio stdio, Map<String, String> env) {
    this.stdio = stdio;
    this.env = env;
  }

  Stdio stdio() {
    return stdio;
  }

  Map<String, String> env() {
    return env;
  }

  /** Loads the configuration: {@code --config}, else {@code $PAPERBOY_CONFIG}, then the environment, then {@code --db}. */
  PaperboyConfig config(CommonOptions common) {
    Optional<Path> file = Optional.ofNullable(common.config)
        .or(() -> Optional.ofNullable(env.get(ConfigLoader.CONFIG_FILE_VARIABLE)).map(Path::of));
    PaperboyConfig config = new ConfigLoader().load(file, env);
    return common.db == null ? config : config.withDatabase(common.db.toString());
  }

  /**
   * Where the console saves the images answers carry (a {@code /trend} chart): {@code charts/}
   * beside the database, so {@code data/charts/} by default.
   */
  static AttachmentFiles charts(Paperboy app) {
    Path parent = app.config().databasePath().getParent();
    return new AttachmentFiles(parent == null ? Path.of("charts") : parent.resolve("charts"));
  }

  Paperboy open(CommonOptions common) {
    PaperboyConfig config = config(common);
    return Paperboy.open(config, common.clock(config.zone()));
  }
}
