package io.paperboy.bot.cli;

import io.paperboy.bot.config.Quoting;
import java.nio.file.Path;

/**
 * A command that only reads was pointed at a database that does not exist. Opening it would
 * create an empty one (and its folders) and answer "nothing" — a typo in {@code --db} would pass
 * for an empty store. Exit code 1: the input was well-formed, the thing is not there.
 */
final class MissingDatabaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MissingDatabaseException(Path path, boolean folder) {
    super(folder
        ? Quoting.quote(path) + " is a folder, not a database file; point --db (or the config's `database`) at the file"
        : "no database at " + Quoting.quote(path) + "; create it with `./paperboy run` (which stores the seeds) or "
            + "`./paperboy ingest PATH…`, or point --db (or the config's `database`) at an existing one");
  }

  /** A PostgreSQL database (shown without credentials) that no Paperboy has migrated: no tables to read. */
  MissingDatabaseException(String postgres) {
    super("no Paperboy tables in " + postgres + "; create them with `./paperboy db migrate --db URL` (or `run`, "
        + "`ingest`, `db copy`), or point --db (or the config's `database`) at the right database and schema");
  }
}
