package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.ConfigLoader;
import io.paperboy.bot.config.PaperboyConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What every subcommand needs to start: the standard streams, the environment, config loading. */
final class Launcher {

  private final Stdio stdio;
  private final Map<String, String> env;
  private final CommonOptions common = new CommonOptions();

  Launcher(Stdio stdio, Map<String, String> env) {
    this.stdio = stdio;
    this.env = env;
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

  /** Loads the configuration: {@code --config}, else {@code $PAPERBOY_CONFIG}, then the environment, then {@code --db}. */
  PaperboyConfig config() {
    Optional<Path> file = Optional.ofNullable(common.config)
        .or(() -> Optional.ofNullable(env.get(ConfigLoader.CONFIG_FILE_VARIABLE)).map(Path::of));
    PaperboyConfig config = new ConfigLoader().load(file, env);
    return common.db == null ? config : config.withDatabase(common.db.toString());
  }

  Paperboy open() {
    PaperboyConfig config = config();
    return Paperboy.open(config, common.clock(config.zone()));
  }
}
