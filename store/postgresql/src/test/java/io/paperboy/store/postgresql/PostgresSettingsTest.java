package io.paperboy.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.StoreException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PostgreSQL database setting: URL, credentials from it or the environment, never shown")
class PostgresSettingsTest {

  @Test
  @DisplayName("reads host, port, database, schema and credentials from the URL")
  void parsesUrl() {
    PostgresSettings s = PostgresSettings.parse("postgresql://bot:s3cr%40t@db.example:6543/paperboy?currentSchema=prod&sslmode=require",
        Map.of());
    assertThat(s.host()).isEqualTo("db.example:6543");
    assertThat(s.database()).isEqualTo("paperboy");
    assertThat(s.schema()).contains("prod");
    assertThat(s.user()).contains("bot");
    assertThat(s.password()).contains("s3cr@t");
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/paperboy?currentSchema=prod&sslmode=require");
    assertThat(PostgresSettings.parse("jdbc:postgresql://h/d", Map.of()).host()).isEqualTo("h");
  }

  @Test
  @DisplayName("credentials missing from the URL come from PAPERBOY_DB_USER and PAPERBOY_DB_PASSWORD")
  void credentialsFromEnvironment() {
    Map<String, String> env = Map.of(PostgresSettings.USER_ENV, "envuser", PostgresSettings.PASSWORD_ENV, "envpass");
    PostgresSettings s = PostgresSettings.parse("postgresql://127.0.0.1:5432/test", env);
    assertThat(s.user()).contains("envuser");
    assertThat(s.password()).contains("envpass");
    PostgresSettings fromUrl = PostgresSettings.parse("postgresql://urluser:urlpass@127.0.0.1/test", env);
    assertThat(fromUrl.user()).contains("urluser");
    assertThat(fromUrl.password()).contains("urlpass");
    assertThat(PostgresSettings.parse("postgresql://127.0.0.1/test", Map.of()).user()).isEqualTo(Optional.empty());
  }

  @Test
  @DisplayName("the password appears in no display, toString, masked text or error")
  void neverShowsThePassword() {
    PostgresSettings s = PostgresSettings.parse("postgresql://bot:hunter2@127.0.0.1:1/paperboy", Map.of());
    assertThat(s.display()).isEqualTo("postgresql://bot@127.0.0.1:1/paperboy").doesNotContain("hunter2");
    assertThat(s.toString()).doesNotContain("hunter2");
    assertThat(PostgresSettings.mask("cannot open postgresql://bot:hunter2@h/db?password=hunter3&x=1"))
        .isEqualTo("cannot open postgresql://bot:***@h/db?password=***&x=1");
    assertThat(s.redact("FATAL: password authentication failed (hunter2)")).doesNotContain("hunter2");
    // nothing listens on port 1: the failure names the database, never the password
    assertThatThrownBy(() -> PostgresStores.open(s))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("postgresql://bot@127.0.0.1:1/paperboy")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  @DisplayName("a URL that is not PostgreSQL, has no host or no database, or a strange schema: a clear error")
  void rejectsBadUrls() {
    assertThatThrownBy(() -> PostgresSettings.parse("data/paperboy.db", Map.of())).hasMessageContaining("not a postgresql://");
    assertThatThrownBy(() -> PostgresSettings.parse("postgresql:///paperboy", Map.of())).hasMessageContaining("no host");
    assertThatThrownBy(() -> PostgresSettings.parse("postgresql://u:pw@host", Map.of()))
        .hasMessageContaining("no database").satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
    assertThatThrownBy(() -> PostgresSettings.parse("postgresql://h/d?currentSchema=a;drop", Map.of()))
        .hasMessageContaining("not a plain schema name");
    assertThat(PostgresSettings.isPostgresUrl("postgres://h/d")).isTrue();
    assertThat(PostgresSettings.isPostgresUrl("./paperboy.db")).isFalse();
  }
}
