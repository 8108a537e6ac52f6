package io.paperboy.bot;

import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.bot.ops.OpsServer;
import io.paperboy.scheduler.poll.IngestRuntime;

/**
 * What {@link Paperboy#run} started beside the console. Closing stops it in the order that loses
 * nothing: the platform adapters stop accepting commands, the schedulers stop (digest polling,
 * then delivery planning), the delivery worker lets posts under way finish; the stores close last,
 * with {@link Paperboy#close}. The operations endpoint, when one was started, answers until the
 * end (not ready once the adapters are gone). A post cut off by the adapters closing stays in the outbox and is
 * retried (and not doubled) at the next start.
 */
public final class Running implements AutoCloseable {

  /** Null when no {@code ops.port} is configured. */
  private final OpsServer ops;
  private final PlatformAdapters adapters;
  private final IngestRuntime ingest;
  private final DeliveryRuntime delivery;

  Running(OpsServer ops, PlatformAdapters adapters, IngestRuntime ingest, DeliveryRuntime delivery) {
    this.ops = ops;
    this.adapters = adapters;
    this.ingest = ingest;
    this.delivery = delivery;
  }

  /** Whether a platform (Discord, Slack) is served: then {@code run} outlives the console's input. */
  public boolean servesPlatforms() {
    return !adapters.gateways().isEmpty();
  }

  @Override
  public void close() {
    adapters.close();
    ingest.close();
    delivery.close();
    if (ops != null) {
      ops.close();
    }
  }
}
