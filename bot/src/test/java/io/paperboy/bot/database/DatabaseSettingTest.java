package io.paperboy.bot.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.bot.config.ConfigException;
import io.paperboy.bot.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the database setting: a SQLite file or a postgresql:// URL, from --db, db:/database:, PAPERBOY_DB")
class DatabaseSettingTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a postgresql:// URL selects PostgreSQL, anything else is a SQLite file")
  void selectsTheBackend() {
    assertThat(DatabaseSetting.parse("data/paperboy.db", Map.of())).isEqualTo(new DatabaseSetting.SqliteFile(Path.of("data/paperboy.db")));
    DatabaseSetting pg = DatabaseSetting.parse("postgresql://bot:pw@db:5432/paperboy?currentSchema=a", Map.of());
    assertThat(pg).isInstanceOf(DatabaseSetting.Postgres.class);
    assertThat(pg.shared()).isTrue();
    assertThat(pg.display()).isEqualTo("postgresql://bot@db:5432/paperboy?currentSchema=a");
    assertThat(pg.toString()).doesNotContain("pw");
  }

  @Test
  @DisplayName("PAPERBOY_DB sets the database like PAPERBOY_DATABASE; the credential variables are no settings and break nothing")
  void environment() {
    var config = new ConfigLoader().load(Optional.empty(), Map.of("PAPERBOY_DB", "postgresql://db/paperboy",
        "PAPERBOY_DB_USER", "bot", "PAPERBOY_DB_PASSWORD", "secret"));
    assertThat(config.database()).isEqualTo("postgresql://db/paperboy");
    assertThat(config.toString()).doesNotContain("secret");
    assertThat(new ConfigLoader().load(Optional.empty(), Map.of("PAPERBOY_DATABASE", "x.db")).database()).isEqualTo("x.db");
  }

  @Test
  @DisplayName("YAML takes db: as the short name of database:, but not both")
  void yamlAlias() throws IOException {
    Path file = Files.writeString(dir.resolve("c.yml"), "db: postgresql://db/paperboy\n");
    assertThat(new ConfigLoader().load(Optional.of(file), Map.of()).database()).isEqualTo("postgresql://db/paperboy");
    Path both = Files.writeString(dir.resolve("both.yml"), "db: a.db\ndatabase: b.db\n");
    assertThatThrownBy(() -> new ConfigLoader().load(Optional.of(both), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("both `db` and `database`");
  }
}
