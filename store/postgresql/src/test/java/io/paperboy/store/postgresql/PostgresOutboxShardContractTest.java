package io.paperboy.store.postgresql;

import io.paperboy.store.Stores;
import io.paperboy.store.delivery.OutboxShardContract;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("PostgreSQL passes the OutboxStore shard-filter contract")
class PostgresOutboxShardContractTest extends OutboxShardContract {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();
  @RegisterExtension
  static final FreshSchemas schemas = new FreshSchemas(pg);

  @Override
  protected Stores openEmpty() {
    return schemas.open();
  }
}
