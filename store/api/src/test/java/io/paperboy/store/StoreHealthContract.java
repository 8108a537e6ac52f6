package io.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What {@code /readyz} learns from {@link Stores#health()}: ready on the schema this build
 * migrated to; not ready, naming the database's and the build's versions, once the database's
 * migration history is behind the build or ahead of it. A backend's test says how to move its
 * history (the one place these suites touch SQL: nothing in the ports can undo a migration).
 */
public abstract class StoreHealthContract extends StoresContract {

  private static final Pattern SCHEMA = Pattern.compile("schema V(\\S+)$");

  /** Deletes the newest entry of the stores' migration history; returns the newest version left. */
  protected abstract String forgetNewestMigration(Stores stores) throws Exception;

  /** Records in the stores' migration history that {@code version} was applied (by a newer build). */
  protected abstract void recordMigration(Stores stores, String version) throws Exception;

  private static String buildVersion(StoreHealth health) {
    Matcher m = SCHEMA.matcher(health.detail());
    assertThat(m.find()).as("a ready database names its schema version: %s", health.detail()).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName("ready on the migrated schema, naming its version")
  void readyWhenMigrated() {
    StoreHealth health = fresh().health();
    assertThat(health.ready()).as(health.detail()).isTrue();
    assertThat(buildVersion(health)).matches("\\d+(\\.\\d+)*");
  }

  @Test
  @DisplayName("a database behind the build is not ready, naming both versions")
  void behind() throws Exception {
    Stores stores = fresh();
    String build = buildVersion(stores.health());

    // WHEN the history loses its newest migration (an older backup, a migration undone)
    String left = forgetNewestMigration(stores);

    // THEN not ready, and the detail names the database's and the build's versions
    StoreHealth health = stores.health();
    assertThat(health.ready()).as(health.detail()).isFalse();
    assertThat(health.detail()).contains("database schema V" + left + " is behind this build's schema V" + build);
  }

  @Test
  @DisplayName("a database ahead of the build (a newer build migrated it) is not ready, naming both versions")
  void ahead() throws Exception {
    Stores stores = fresh();
    String build = buildVersion(stores.health());

    recordMigration(stores, "999");

    StoreHealth health = stores.health();
    assertThat(health.ready()).as(health.detail()).isFalse();
    assertThat(health.detail()).contains("database schema V999 is ahead of this build's schema V" + build);
  }
}
