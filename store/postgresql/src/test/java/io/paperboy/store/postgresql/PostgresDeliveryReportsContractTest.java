package io.paperboy.store.postgresql;

import io.paperboy.store.Stores;
import io.paperboy.store.delivery.DeliveryReportsContract;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("PostgreSQL passes the DeliveryReports contract")
class PostgresDeliveryReportsContractTest extends DeliveryReportsContract {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();
  @RegisterExtension
  static final FreshSchemas schemas = new FreshSchemas(pg);

  @Override
  protected Stores openEmpty() {
    return schemas.open();
  }
}
