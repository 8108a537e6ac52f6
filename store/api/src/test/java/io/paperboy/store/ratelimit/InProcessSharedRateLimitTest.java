package io.paperboy.store.ratelimit;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-process SharedRateLimit passes the contract")
class InProcessSharedRateLimitTest extends SharedRateLimitContract {

  private SharedRateLimit current;

  @Override
  protected SharedRateLimit openEmpty() {
    current = SharedRateLimit.inProcess();
    return current;
  }

  @Override
  protected SharedRateLimit sameStore() {
    return current;
  }
}
