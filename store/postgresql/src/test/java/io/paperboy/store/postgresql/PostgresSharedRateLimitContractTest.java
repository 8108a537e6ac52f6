package io.paperboy.store.postgresql;

import io.paperboy.store.ratelimit.SharedRateLimit;
import io.paperboy.store.ratelimit.SharedRateLimitContract;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("PostgreSQL passes the SharedRateLimit contract (a second connection pool on the schema stands for a second instance)")
class PostgresSharedRateLimitContractTest extends SharedRateLimitContract {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();
  @RegisterExtension
  static final FreshSchemas schemas = new FreshSchemas(pg);

  private final List<PostgresStores> open = new ArrayList<>();
  private PostgresSettings current;

  @Override
  protected SharedRateLimit openEmpty() {
    current = schemas.freshSettings();
    PostgresStores stores = PostgresStores.open(current);
    open.add(stores);
    return stores.rateLimits();
  }

  @Override
  protected SharedRateLimit sameStore() {
    PostgresStores second = PostgresStores.open(current);
    open.add(second);
    return second.rateLimits();
  }

  @AfterEach
  void close() {
    open.forEach(PostgresStores::close);
    open.clear();
  }
}
