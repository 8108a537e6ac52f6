package io.paperboy.store.sqlite;

import io.paperboy.store.delivery.OutboxShardContract;
import io.paperboy.store.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SQLite passes the OutboxStore shard-filter contract")
class SqliteOutboxShardContractTest extends OutboxShardContract {

  @TempDir
  Path dir;
  private int files;

  @Override
  protected Stores openEmpty() {
    return SqliteStores.open(dir.resolve("paperboy-" + ++files + ".db"));
  }
}
