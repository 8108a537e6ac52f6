package io.paperboy.bot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paperboy.bot.delivery.DeliveryEvents;
import io.paperboy.core.command.CommandObserver;
import io.paperboy.core.command.Outcome;
import io.paperboy.store.IngestResult;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * This instance's meters, one registry per process. Counters count what this instance did
 * (Prometheus sums instances); the outbox gauges read the database at each scrape, so on a shared
 * PostgreSQL database every instance reports the same cluster-wide depth — alert on {@code max},
 * not {@code sum}. Every per-platform counter exists from the start at 0, so a rate is defined
 * before the first post.
 */
public final class OpsMetrics implements DeliveryEvents, CommandObserver {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Platform, Counter> sent = new EnumMap<>(Platform.class);
  private final Map<Platform, Counter> messages = new EnumMap<>(Platform.class);
  private final Map<Platform, Counter> failed = new EnumMap<>(Platform.class);
  private final Map<Platform, Counter> retriedFailure = new EnumMap<>(Platform.class);
  private final Map<Platform, Counter> retriedRateLimited = new EnumMap<>(Platform.class);
  private final Set<String> commands;
  private final Counter days;
  private final Counter added;
  private final Counter updated;
  private final Counter removed;
  private final Counter newPapers;

  /** @param commands the registered command names: the only values the latency's {@code command} tag takes */
  public OpsMetrics(List<String> commands) {
    this.commands = Set.copyOf(commands);
    for (Platform p : Platform.values()) {
      String platform = p.name().toLowerCase(Locale.ROOT);
      sent.put(p, Counter.builder("paperboy.posts.sent").description("outbox rows posted (a split post counts once)")
          .tag("platform", platform).register(registry));
      messages.put(p, Counter.builder("paperboy.posts.messages").description("platform messages posted")
          .tag("platform", platform).register(registry));
      failed.put(p, Counter.builder("paperboy.posts.failed").description("outbox rows failed for good")
          .tag("platform", platform).register(registry));
      retriedFailure.put(p, Counter.builder("paperboy.posts.retried").description("attempts to be tried again")
          .tag("platform", platform).tag("reason", "failure").register(registry));
      retriedRateLimited.put(p, Counter.builder("paperboy.posts.retried").description("attempts to be tried again")
          .tag("platform", platform).tag("reason", "rate_limited").register(registry));
    }
    days = Counter.builder("paperboy.ingest.days").description("digest days stored by this instance").register(registry);
    added = ingestEntries("added");
    updated = ingestEntries("updated");
    removed = ingestEntries("removed");
    newPapers = Counter.builder("paperboy.ingest.papers.new").description("papers first seen at ingest")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private Counter ingestEntries(String change) {
    return Counter.builder("paperboy.ingest.entries").description("digest entries stored, by change")
        .tag("change", change).register(registry);
  }

  /**
   * The outbox gauges: rows per status and the age of the oldest row that is due and waiting. Read
   * at each scrape; a database that fails to answer reports NaN rather than failing the scrape.
   */
  public void watchOutbox(DeliveryReports reports, OutboxStore outbox, Clock clock) {
    for (Delivery.Status status : List.of(Delivery.Status.PENDING, Delivery.Status.ATTEMPTING)) {
      Gauge.builder("paperboy.outbox.depth", reports, r -> countOf(r, status))
          .description("outbox rows in this status").tag("status", status.name().toLowerCase(Locale.ROOT))
          .strongReference(true).register(registry);
    }
    Gauge.builder("paperboy.outbox.oldest.due.age", outbox, o -> oldestDueAgeSeconds(o, clock))
        .description("how long the oldest due, unsent outbox row has waited").baseUnit("seconds")
        .strongReference(true).register(registry);
  }

  private static double countOf(DeliveryReports reports, Delivery.Status status) {
    try {
      return reports.counts().getOrDefault(status, 0);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double oldestDueAgeSeconds(OutboxStore outbox, Clock clock) {
    try {
      var now = clock.instant();
      return outbox.due(now, 1).stream().findFirst()
          .map(d -> Math.max(0, Duration.between(d.dueAt(), now).toMillis()) / 1000.0).orElse(0.0);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Counts one stored digest day. */
  public void ingested(IngestResult result) {
    days.increment();
    added.increment(result.added());
    updated.increment(result.updated());
    removed.increment(result.removed());
    newPapers.increment(result.newPapers().size());
  }

  @Override
  public void sent(Platform platform, int messageCount) {
    sent.get(platform).increment();
    messages.get(platform).increment(messageCount);
  }

  @Override
  public void retried(Platform platform, boolean rateLimited) {
    (rateLimited ? retriedRateLimited : retriedFailure).get(platform).increment();
  }

  @Override
  public void failed(Platform platform) {
    failed.get(platform).increment();
  }

  @Override
  public void answered(String command, Outcome outcome, Duration took) {
    Timer.builder("paperboy.command.latency").description("from a command's arrival to its answer")
        .tag("command", commands.contains(command) ? command : "unknown")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry).record(took.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** For components that add meters of their own. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in Prometheus text format 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }
}
