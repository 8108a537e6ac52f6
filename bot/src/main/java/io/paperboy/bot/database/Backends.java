package io.paperboy.bot.database;

import io.paperboy.store.StoreException;
import io.paperboy.store.Stores;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.store.sqlite.SqliteStores;

/**
 * The one place that knows which backends exist: opens the stores a {@link DatabaseSetting}
 * names, so every caller (the bot, the CLI, the benchmarks) sees only {@link Stores}.
 */
public final class Backends {

  private Backends() {}

  /**
   * Opens the database, creating (a SQLite file and its folders, or a PostgreSQL schema's tables)
   * and migrating it as needed.
   *
   * @throws StoreException naming the database (never a password) when it cannot be opened or migrated
   */
  public static Stores open(DatabaseSetting setting) {
    if (setting instanceof DatabaseSetting.Postgres pg) {
      return PostgresStores.open(pg.settings());
    }
    return SqliteStores.open(((DatabaseSetting.SqliteFile) setting).file());
  }

  /**
   * The schema version the database has now, without creating or migrating anything: {@code "none"}
   * for a PostgreSQL schema no Paperboy has migrated yet.
   */
  public static String currentSchemaVersion(DatabaseSetting setting) {
    if (setting instanceof DatabaseSetting.Postgres pg) {
      return PostgresStores.currentSchemaVersion(pg.settings());
    }
    throw new IllegalArgumentException("only a PostgreSQL database can be asked without opening it");
  }
}
