package io.paperboy.store;

import io.paperboy.store.alert.AlertStore;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.ratelimit.SharedRateLimit;
import io.paperboy.store.slack.OAuthStateStore;
import io.paperboy.store.slack.SlackInstallationStore;

/**
 * Every port of one backend on one database, as a backend's factory opens them (e.g.
 * {@code SqliteStores.open(path)}). The stores share the database and its {@link #transactions}.
 * Closing releases the database; calls afterwards fail with a {@link StoreException}. Closing
 * twice is harmless.
 */
public interface Stores extends AutoCloseable {

  PaperStore papers();

  /** The outbox as the planners and the delivery worker change it. */
  OutboxStore outbox();

  /** The outbox as {@code /subscriptions}, the CLI and the planner read it. */
  DeliveryReports reports();

  SubscriptionStore subscriptions();

  AlertStore alerts();

  Transactions transactions();

  /**
   * The Slack app's installations (distribution to many workspaces). A default that refuses, so
   * that a backend written before Slack distribution still compiles; every shipped backend
   * overrides it and passes {@code SlackInstallationStoreContract}.
   */
  default SlackInstallationStore slackInstallations() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store Slack installations yet");
  }

  /** The OAuth states of Slack install flows in progress; see {@link #slackInstallations()}. */
  default OAuthStateStore slackOAuthStates() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store Slack OAuth states yet");
  }

  /**
   * Rate limits shared by every instance on this database (Discord's bot-wide limit). The default
   * shares them within this process only — right for a backend that one process owns; a backend
   * that several instances share overrides it and passes {@code SharedRateLimitContract}.
   */
  default SharedRateLimit rateLimits() {
    return SharedRateLimit.inProcess();
  }

  @Override
  void close();
}
