package io.paperboy.store.sqlite.ratelimit;

import io.paperboy.store.ratelimit.SharedRateLimit;
import io.paperboy.store.ratelimit.SharedRateLimitContract;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SQLite passes the SharedRateLimit contract")
class SqliteSharedRateLimitContractTest extends SharedRateLimitContract {

  @TempDir
  Path dir;
  private final List<SqliteStores> open = new ArrayList<>();
  private SqliteStores current;

  @Override
  protected SharedRateLimit openEmpty() {
    current = SqliteStores.open(dir.resolve("limits-" + open.size() + ".db"));
    open.add(current);
    return current.rateLimits();
  }

  @Override
  protected SharedRateLimit sameStore() {
    // one process owns a SQLite file, so the other "instance" is another thread of this one
    return current.rateLimits();
  }

  @AfterEach
  void close() {
    open.forEach(SqliteStores::close);
  }
}
