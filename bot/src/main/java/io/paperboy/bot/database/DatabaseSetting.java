package io.paperboy.bot.database;

import io.paperboy.store.postgresql.PostgresSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the database setting ({@code --db}, YAML {@code database:} or {@code db:},
 * {@code PAPERBOY_DATABASE} or {@code PAPERBOY_DB}) names: a SQLite file, the embedded default,
 * or a PostgreSQL database ({@code postgresql://host:5432/name[?currentSchema=x]}, credentials from
 * the URL or {@code PAPERBOY_DB_USER} / {@code PAPERBOY_DB_PASSWORD}). {@link #display()} is what
 * logs and messages may show: never a password.
 */
public sealed interface DatabaseSetting {

  /** The embedded default: one SQLite file that one process owns. */
  record SqliteFile(Path file) implements DatabaseSetting {
    public SqliteFile {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String display() {
      return file.toString();
    }
  }

  /** A PostgreSQL database that several instances may share. */
  record Postgres(PostgresSettings settings) implements DatabaseSetting {
    public Postgres {
      Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String display() {
      return settings.display();
    }
  }

  /** The database as logs and messages name it, without credentials. */
  String display();

  /** Whether several instances may share it (only PostgreSQL). */
  default boolean shared() {
    return this instanceof Postgres;
  }

  /**
   * Reads the setting: a {@code postgresql://} (or {@code postgres://}, {@code jdbc:postgresql://})
   * URL, else a file path.
   *
   * @throws IllegalArgumentException for a malformed PostgreSQL URL, saying what is wrong (never quoting a password)
   */
  static DatabaseSetting parse(String setting, Map<String, String> env) {
    Objects.requireNonNull(setting, "setting");
    if (PostgresSettings.isPostgresUrl(setting)) {
      return new Postgres(PostgresSettings.parse(setting, env));
    }
    return new SqliteFile(Path.of(setting));
  }

  /** {@code text} with any database credentials in it masked, for messages that may quote a setting. */
  static String mask(String text) {
    return PostgresSettings.mask(text);
  }
}
