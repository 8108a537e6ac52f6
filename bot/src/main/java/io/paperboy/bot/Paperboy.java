package io.paperboy.bot;

import io.paperboy.bot.alerts.AlertCommand;
import io.paperboy.bot.alerts.AlertMessageFormatter;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.health.Readiness;
import io.paperboy.bot.ops.OpsMetrics;
import io.paperboy.bot.instance.Coordination;
import io.paperboy.store.StoreHealth;
import io.paperboy.bot.commands.DigestCommand;
import io.paperboy.bot.commands.HelpCommand;
import io.paperboy.bot.commands.PaperCommand;
import io.paperboy.bot.commands.SearchCommand;
import io.paperboy.bot.commands.TopCommand;
import io.paperboy.bot.trend.TrendCommand;
import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.bot.config.IngestConfig;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.bot.delivery.DailyPosts;
import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.bot.delivery.DeliveryWorker;
import io.paperboy.bot.delivery.PostComposer;
import io.paperboy.bot.delivery.RetryPolicy;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.scheduler.alert.AlertPlanner;
import io.paperboy.scheduler.digest.DigestParser;
import io.paperboy.scheduler.ingest.DigestIngestor;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.scheduler.ingest.IngestReport;
import io.paperboy.bot.subscriptions.PreviewCommand;
import io.paperboy.bot.subscriptions.SubscribeCommand;
import io.paperboy.bot.subscriptions.Subscribing;
import io.paperboy.bot.subscriptions.SubscriptionDefaults;
import io.paperboy.bot.subscriptions.SubscriptionsCommand;
import io.paperboy.bot.subscriptions.UnsubscribeCommand;
import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.poll.DigestPoller;
import io.paperboy.scheduler.poll.IngestRuntime;
import io.paperboy.scheduler.poll.IngestSchedule;
import io.paperboy.scheduler.poll.PollPolicy;
import io.paperboy.scheduler.source.DigestSource;
import io.paperboy.scheduler.source.DigestSources;
import io.paperboy.scheduler.plan.DigestDays;
import io.paperboy.scheduler.plan.PlanRules;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import io.paperboy.store.alert.AlertStore;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.bot.database.Backends;
import io.paperboy.bot.database.DatabaseSetting;
import java.nio.file.Path;
import java.time.Duration;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.SubscriptionStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The composition root: builds the object graph with plain constructors, in one place, and hands
 * each component only what it needs. Adapters and the scheduler are started by {@code run}.
 */
public final class Paperboy implements AutoCloseable {

  private final PaperboyConfig config;
  private final DatabaseSetting database;
  private final Clock clock;
  private final Stores stores;
  private final PaperStore store;
  private final AlertStore alerts;
  private final OutboxStore outbox;
  private final AlertPlanner alertPlanner;
  private final DigestIngestor ingestor;
  private final DailyPostFormatter dailyPosts = new DailyPostFormatter();
  private final SubscriptionStore subscriptions;
  private final DailyPosts dailyPostComposer;
  private final Subscribing subscribing;
  private final CommandService commands;
  private final Readiness readiness = new Readiness();
  private final OpsMetrics metrics;
  /** Alone on SQLite, one of several on PostgreSQL: schedulers, leases, this instance's name. */
  private final Coordination coordination;
  /** Wakes the delivery worker once it runs, so alert rows planned at ingest go out at once. */
  private volatile Runnable wakeDelivery = () -> { };
  /** Runs the delivery planner once it runs, so a post that waited for a newly stored day goes out at once. */
  private volatile Runnable planDeliveries = () -> { };

  private Paperboy(PaperboyConfig config, Clock clock, Map<String, String> env) {
    this.config = config;
    this.clock = clock;
    this.database = DatabaseSetting.parse(config.database(), env);
    this.stores = Backends.open(database);
    this.store = stores.papers();
    this.alerts = stores.alerts();
    this.outbox = stores.outbox();
    // only digests of the last few days alert: an import of old days is history, not news
    this.alertPlanner = new AlertPlanner(stores.transactions(), store, alerts, outbox, clock, config.zone(),
        Duration.ofDays(3));
    this.ingestor = new DigestIngestor(new DigestParser(), store);
    this.subscriptions = stores.subscriptions();
    this.dailyPostComposer = new DailyPosts(store, dailyPosts);
    DeliveryConfig delivery = config.delivery();
    this.subscribing = new Subscribing(subscriptions,
        new SubscriptionDefaults(delivery.defaultTime(), config.zone(), delivery.defaultDays()));
    CommandRegistry registry = buildCommands();
    this.metrics = new OpsMetrics(registry.definitions().stream().map(CommandDefinition::name).toList());
    this.commands = new CommandService(registry, CommandService.Limits.DEFAULT, metrics);
    metrics.watchOutbox(stores.reports(), outbox, clock);
    this.coordination = Coordination.of(database, config.cluster());
    readiness.register("database", () -> {
      StoreHealth health = stores.health();
      return new Readiness.Check("database", health.ready(), health.detail());
    });
  }

  /** Opens the database (creating and migrating it as needed) and wires everything on it. */
  public static Paperboy open(PaperboyConfig config, Clock clock) {
    return open(config, clock, System.getenv());
  }

  /**
   * Opens the database the config names, a SQLite file or a PostgreSQL URL whose missing
   * credentials come from {@code env} ({@code PAPERBOY_DB_USER}, {@code PAPERBOY_DB_PASSWORD}).
   */
  public static Paperboy open(PaperboyConfig config, Clock clock, Map<String, String> env) {
    return new Paperboy(config, clock, env);
  }

  private CommandRegistry buildCommands() {
    List<Command> list = new ArrayList<>();
    list.add(new PaperCommand(store));
    list.add(new TopCommand(store, config.zone()));
    list.add(new SearchCommand(store));
    list.add(new TrendCommand(store, config.zone()));
    list.add(new DigestCommand(store, config.zone(), dailyPosts));
    list.add(new AlertCommand(alerts, store, config.alerts()));
    list.add(new SubscribeCommand(subscribing));
    list.add(new UnsubscribeCommand(subscribing));
    list.add(new SubscriptionsCommand(subscriptions, stores.reports()));
    list.add(new PreviewCommand(subscribing, store, dailyPostComposer));
    CommandRegistry[] self = new CommandRegistry[1];
    list.add(new HelpCommand(() -> self[0].definitions()));
    self[0] = new CommandRegistry(list);
    return self[0];
  }

  /** What {@code /readyz} reports: the database check is registered here, each platform adds its own. */
  public Readiness readiness() {
    return readiness;
  }

  /** This instance's name among those sharing the database: {@code pid@host-xxxx}. */
  public String instance() {
    return coordination.instance();
  }

  /** This instance's meters ({@code /metrics}). */
  public OpsMetrics metrics() {
    return metrics;
  }

  public PaperboyConfig config() {
    return config;
  }

  /** The database behind the stores; its {@link DatabaseSetting#display()} never shows a password. */
  public DatabaseSetting database() {
    return database;
  }

  public Clock clock() {
    return clock;
  }

  public PaperStore store() {
    return store;
  }

  public AlertStore alerts() {
    return alerts;
  }

  /** Ingests digest files or folders, then plans the alerts for papers new to the store. */
  public IngestReport ingest(List<Path> paths, IngestProgress progress) {
    IngestReport report = ingestor.ingest(paths, progress);
    report.results().forEach(metrics::ingested);
    if (alertPlanner.plan(report.results()) > 0) {
      wakeDelivery.run();
    }
    if (report.entriesAdded() > 0) {
      planDeliveries.run();
    }
    return report;
  }

  public OutboxStore outbox() {
    return outbox;
  }

  /** The outbox read: last deliveries per channel, counts. */
  public DeliveryReports reports() {
    return stores.reports();
  }

  /** Answers every command, for every platform and the console. */
  public CommandService commands() {
    return commands;
  }

  public DailyPostFormatter dailyPosts() {
    return dailyPosts;
  }

  public SubscriptionStore subscriptions() {
    return subscriptions;
  }

  public Subscribing subscribing() {
    return subscribing;
  }

  /**
   * Starts the daily posts: the planner (every minute of the application's clock, and whenever a
   * day's digest is newly stored) and the delivery worker posting through {@code gateways}. With
   * only the console to post to, the console channel is subscribed with the defaults (unless
   * configured otherwise or already subscribed).
   */
  public DeliveryRuntime startDelivery(Map<Platform, ChannelGateway> gateways) {
    DeliveryConfig d = config.delivery();
    if (d.subscribeConsole() && gateways.keySet().equals(Set.of(Platform.CONSOLE))) {
      subscribing.subscribeIfAbsent(ChannelRef.console(), clock.instant());
    }
    Map<Delivery.Kind, PostComposer> composers = new EnumMap<>(Delivery.Kind.class);
    composers.put(Delivery.Kind.DIGEST, dailyPostComposer);
    composers.put(Delivery.Kind.NO_DIGEST, dailyPostComposer);
    AlertMessageFormatter alertMessages = new AlertMessageFormatter(store);
    composers.put(Delivery.Kind.ALERT, row -> alerts.batch(row.channel(), row.key())
        .<PostComposer.Composed>map(b -> new PostComposer.Post(alertMessages.format(b)))
        .orElse(new PostComposer.Skip("no alert batch is stored for " + row.key())));
    DeliveryWorker worker = new DeliveryWorker(outbox, composers, gateways,
        new RetryPolicy(d.retryBaseDelay(), d.retryMaxDelay(), d.maxAttempts()), d.catchUp(), d.poll(),
        d.parallelism(), clock, metrics, coordination.sharing());
    DeliveryPlanner planner = new DeliveryPlanner(subscriptions, outbox, stores.reports(), DigestDays.of(store),
        new PlanRules(d.catchUp()), worker.platforms(), clock, worker::wake);
    DeliveryRuntime runtime = DeliveryRuntime.start(planner, worker, coordination.schedulers());
    wakeDelivery = worker::wake;
    planDeliveries = runtime::planNow;
    return runtime;
  }

  /**
   * Starts polling the configured digest sources for each day's digest; every newly stored day is
   * matched against the alerts.
   */
  public IngestRuntime startIngest() {
    IngestConfig ingest = config.ingest();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    DigestParser parser = new DigestParser();
    List<DigestSource> sources = DigestSources.parse(config.sources(), parser::parse, http,
        ingest.httpTimeoutDuration());
    DigestPoller poller = new DigestPoller(sources, store, clock, config.zone(), new PollPolicy(
        ingest.firstTryTime(), ingest.initialBackoffDuration(), ingest.maxBackoffDuration(), ingest.giveUpTime()));
    poller.addListener((result, digest) -> {
      metrics.ingested(result);
      if (alertPlanner.plan(List.of(result)) > 0) {
        wakeDelivery.run();
      }
      if (result.added() > 0) {
        planDeliveries.run();
      }
    });
    return IngestRuntime.start(poller, clock, config.zone(), new IngestSchedule(ingest.cron(), config.zone()),
        coordination.schedulers());
  }

  @Override
  public void close() {
    commands.close();
    stores.close();
  }
}
