package io.paperboy.store.slack;

import java.time.Instant;

/**
 * Port: the one-time {@code state} values of OAuth install flows in progress. A state is issued
 * when an installer is sent to Slack's authorize page and taken when Slack sends them back; taking
 * is atomic, so a state works once even when two callbacks carrying it race.
 */
public interface OAuthStateStore {

  /** Records a new state that is good until {@code expiresAt}. */
  void issue(String state, Instant expiresAt);

  /**
   * Takes the state: true exactly once for a state issued and not expired at {@code now}; false
   * for an unknown, already taken or expired one. Expired states are removed on the way.
   */
  boolean consume(String state, Instant now);
}
