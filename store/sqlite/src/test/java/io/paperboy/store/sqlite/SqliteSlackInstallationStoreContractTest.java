package io.paperboy.store.sqlite;

import io.paperboy.store.slack.SlackInstallationStoreContract;
import io.paperboy.store.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SQLite passes the SlackInstallationStore contract")
class SqliteSlackInstallationStoreContractTest extends SlackInstallationStoreContract {

  @TempDir
  Path dir;
  private int files;

  @Override
  protected Stores openEmpty() {
    return SqliteStores.open(dir.resolve("paperboy-" + ++files + ".db"));
  }
}
