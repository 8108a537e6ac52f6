package io.paperboy.bot.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, declared once on the top command and inherited by every
 * subcommand, so they may come before or after the subcommand's name: {@code paperboy --db x.db
 * export} is {@code paperboy export --db x.db}, and {@code paperboy --config c.yml} (no
 * subcommand) is {@code paperboy run --config c.yml}.
 */
final class CommonOptions {

  // text, not a Path: a Path would fold the "//" of a postgresql:// URL
  @Option(names = "--db", paramLabel = "PATH|URL", scope = ScopeType.INHERIT,
      description = "SQLite database file, or postgresql://host:5432/name[?currentSchema=x] (default: "
          + "data/paperboy.db, or the config's `database`; credentials from the URL or $PAPERBOY_DB_USER, "
          + "$PAPERBOY_DB_PASSWORD)")
  String db;

  @Option(names = "--config", paramLabel = "PATH", scope = ScopeType.INHERIT,
      description = "YAML config file (default: $PAPERBOY_CONFIG, else built-in defaults)")
  Path config;

  @Option(names = "--now", paramLabel = "ISO-DATE-OR-INSTANT", scope = ScopeType.INHERIT,
      description = "Pin the clock: 2024-06-07 (noon in the configured zone) or 2024-06-07T09:00:00Z; time then runs on from there")
  ClockPin now;

  /**
   * The clock: the system clock, or one that starts at {@code --now} and keeps ticking (so a
   * scheduler under a pinned clock still sees time pass).
   */
  Clock clock(ZoneId zone) {
    Clock system = Clock.system(zone);
    if (now == null) {
      return system;
    }
    return Clock.offset(system, Duration.between(system.instant(), now.at(zone)));
  }
}
