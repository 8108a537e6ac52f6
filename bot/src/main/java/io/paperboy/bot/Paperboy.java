package io.paperboy.bot;

import io.paperboy.bot.instance.Coordination;
import io.paperboy.bot.config.OpsConfig;
import io.paperboy.bot.ops.OpsMetrics;
import io.paperboy.bot.ops.OpsServer;
import io.paperboy.discord.DiscordPreview;
import io.paperboy.slack.SlackPreview;
import java.util.concurrent.atomic.AtomicBoolean;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.store.StoreHealth;

import io.paperboy.bot.alerts.AlertCommand;
import io.paperboy.bot.alerts.AlertMessageFormatter;
import io.paperboy.bot.commands.DigestCommand;
import io.paperboy.bot.commands.HelpCommand;
import io.paperboy.bot.commands.PaperCommand;
import io.paperboy.bot.commands.SearchCommand;
import io.paperboy.bot.commands.TopCommand;
import io.paperboy.bot.similar.SimilarCommand;
import io.paperboy.store.similar.SimilarPapers;
import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.bot.config.IngestConfig;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DailyPosts;
import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.bot.delivery.DeliveryWorker;
import io.paperboy.bot.delivery.MessageBound;
import io.paperboy.bot.delivery.PostPreviews;
import io.paperboy.bot.delivery.PostComposer;
import io.paperboy.bot.delivery.RetryPolicy;
import io.paperboy.bot.delivery.WeeklyPosts;
import io.paperboy.bot.delivery.WorkSignal;
import io.paperboy.bot.subscriptions.PreviewCommand;
import io.paperboy.bot.subscriptions.SubscribeCommand;
import io.paperboy.bot.subscriptions.Subscribing;
import io.paperboy.bot.subscriptions.SubscriptionDefaults;
import io.paperboy.bot.subscriptions.SubscriptionsCommand;
import io.paperboy.bot.subscriptions.UnsubscribeCommand;
import io.paperboy.bot.trend.TrendCommand;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.health.Readiness;
import io.paperboy.scheduler.alert.AlertPlanner;
import io.paperboy.scheduler.digest.DigestParser;
import io.paperboy.scheduler.ingest.DigestIngestor;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.scheduler.ingest.IngestReport;
import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.DigestDays;
import io.paperboy.scheduler.plan.PlanRules;
import io.paperboy.scheduler.poll.DigestPoller;
import io.paperboy.scheduler.poll.IngestRuntime;
import io.paperboy.scheduler.poll.IngestSchedule;
import io.paperboy.scheduler.poll.PollPolicy;
import io.paperboy.scheduler.source.DigestSource;
import io.paperboy.scheduler.source.DigestSources;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.IngestResult;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import io.paperboy.bot.database.Backends;
import io.paperboy.bot.database.DatabaseSetting;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.SubscriptionStore;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The composition root: opens the stores and builds the object graph on them with plain
 * constructors, feature by feature, in this one file. What leaves it is a feature's narrow view
 * ({@link #commands}, {@link PaperReading}, {@link SubscriptionAdmin}) or an operation
 * ({@link #ingest}, {@link #run}); no store or collaborator is handed out one by one.
 *
 * <p>The ingest side and the delivery side never hold each other: both are given the one
 * {@link WorkSignal}, raised when an ingest adds alert rows or a new day, taken by delivery once it runs.
 *
 * <p>Longer than the ~300 lines a class should have: it is the one file where the whole graph can
 * be read (style.md, TJ-Bot's {@code Features}); splitting it would spread the wiring again.
 */
public final class Paperboy implements AutoCloseable {

  /**
   * What reads stored digests outside a command ({@code export}, {@code preview}); {@code posts}
   * are the subscriptions' posts with the flood bound, as delivery would post them.
   */
  public record PaperReading(PaperStore papers, PostPreviews posts) { }

  /** What changes and reports subscriptions outside a command ({@code subscriptions list|add|remove}). */
  public record SubscriptionAdmin(Subscribing subscribing, SubscriptionStore subscriptions, DeliveryReports reports) { }

  private final PaperboyConfig config;
  private final Clock clock;
  private final Stores stores;
  private final WorkSignal work = new WorkSignal();
  /** What this instance's parts say about being ready (the platforms register theirs). */
  private final Readiness readiness = new Readiness();
  private final DailyPostFormatter dailyPostFormatter = new DailyPostFormatter();
  private final DailyPosts dailyPosts;
  private final WeeklyPosts weeklyPosts;
  /** The posts as the flood bound cuts them on each platform: what /preview and `paperboy preview` show. */
  private final PostPreviews previews;
  private final AlertPlanner alertPlanner;
  private final DigestIngestor ingestor;
  private final Subscribing subscribing;
  private final CommandService commands;
  /** What /similar and /paper's related papers compare; storing digests tells it the papers changed. */
  private final SimilarPapers similar;
  /** This instance's meters ({@code /metrics}): commands, deliveries, ingests, the outbox. */
  private final OpsMetrics metrics;
  /** Alone on SQLite, one of several on PostgreSQL: schedulers, leases, this instance's name. */
  private final Coordination coordination;

  private Paperboy(PaperboyConfig config, Clock clock, Map<String, String> env) {
    this.config = config;
    this.clock = clock;
    DatabaseSetting database = DatabaseSetting.parse(config.database(), env);
    this.stores = Backends.open(database);
    PaperStore papers = stores.papers();
    // papers
    this.dailyPosts = new DailyPosts(papers, dailyPostFormatter, config.delivery().maxPapers());
    this.weeklyPosts = new WeeklyPosts(papers, config.delivery().maxPapers());
    this.previews = new PostPreviews(dailyPosts, weeklyPosts, new MessageBound(config.delivery().maxMessages()),
        Map.of(Platform.DISCORD, DiscordPreview::messages, Platform.SLACK, SlackPreview::messages));
    this.ingestor = new DigestIngestor(new DigestParser(config.ingest().maxPapersPerDay()), papers);
    // alerts: only digests of the last few days alert; an import of old days is history, not news
    this.alertPlanner = new AlertPlanner(stores.transactions(), papers, stores.alerts(), stores.outbox(), clock,
        config.zone(), Duration.ofDays(3));
    // subscriptions
    DeliveryConfig delivery = config.delivery();
    this.subscribing = new Subscribing(stores.subscriptions(),
        new SubscriptionDefaults(delivery.defaultTime(), config.zone(), delivery.defaultDays()));
    this.similar = new SimilarPapers(papers);
    // commands, timed by the operations metrics
    CommandRegistry registry = commandRegistry(papers);
    this.metrics = new OpsMetrics(registry.definitions().stream().map(CommandDefinition::name).toList());
    this.commands = new CommandService(registry, CommandService.Limits.DEFAULT, metrics);
    // operations: the outbox gauges, the database's readiness
    metrics.watchOutbox(stores.reports(), stores.outbox(), clock);
    readiness.register("database", () -> {
      StoreHealth health = stores.health();
      return new Readiness.Check("database", health.ready(), health.detail());
    });
    // several instances: clustered Quartz and shared leases on PostgreSQL
    this.coordination = Coordination.of(database, config.cluster());
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

  private CommandRegistry commandRegistry(PaperStore papers) {
    List<Command> list = new ArrayList<>();
    list.add(new PaperCommand(papers, similar));
    list.add(new TopCommand(papers, config.zone()));
    list.add(new SearchCommand(papers));
    list.add(new TrendCommand(papers, config.zone()));
    list.add(new SimilarCommand(papers, similar));
    list.add(new DigestCommand(papers, config.zone(), dailyPostFormatter));
    list.add(new AlertCommand(stores.alerts(), papers, config.alerts()));
    list.add(new SubscribeCommand(subscribing));
    list.add(new UnsubscribeCommand(subscribing));
    list.add(new SubscriptionsCommand(stores.subscriptions(), stores.reports()));
    list.add(new PreviewCommand(subscribing, papers, previews));
    list.add(new HelpCommand(List.copyOf(list)));
    return new CommandRegistry(list);
  }

  /** The configuration the graph was built from. */
  public PaperboyConfig config() {
    return config;
  }

  /** The application's clock (pinned by {@code --now} in tests and demos). */
  public Clock clock() {
    return clock;
  }

  /**
   * Serves {@code /healthz}, {@code /readyz} (the database, registered here; start-up and each
   * platform, registered by {@link #run}) and {@code /metrics} on {@code host:port} (0: a free port).
   */
  public OpsServer serveOps(String host, int port) {
    return OpsServer.start(host, port, readiness, metrics::scrape);
  }

  /** This instance's name among those sharing the database: {@code pid@host-xxxx}. */
  public String instance() {
    return coordination.instance();
  }

  /** Answers every command, for every platform and the console: the one facade transports receive. */
  public CommandService commands() {
    return commands;
  }

  public PaperReading paperReading() {
    return new PaperReading(stores.papers(), previews);
  }

  public SubscriptionAdmin subscriptionAdmin() {
    return new SubscriptionAdmin(subscribing, stores.subscriptions(), stores.reports());
  }

  /** Ingests digest files or folders, then plans the alerts for papers new to the store. */
  public IngestReport ingest(List<Path> paths, IngestProgress progress) {
    IngestReport report = ingestor.ingest(paths, progress);
    stored(report.results());
    return report;
  }

  /** After digests were stored: plans their alerts and tells delivery what became due. */
  private void stored(List<IngestResult> results) {
    if (results.stream().anyMatch(r -> r.added() + r.updated() + r.removed() > 0)) {
      similar.invalidate();
    }
    results.forEach(metrics::ingested);
    if (alertPlanner.plan(results) > 0) {
      work.raise(WorkSignal.Work.OUTBOX_ROWS);
    }
    if (results.stream().anyMatch(r -> r.added() > 0)) {
      work.raise(WorkSignal.Work.DIGEST_STORED);
    }
  }

  /**
   * Starts everything {@code paperboy run} serves beside the console: the operations endpoint when
   * {@code ops.port} is set (not ready until the rest has started), the platform adapters whose
   * secrets {@code env} holds, the digest polling and the daily posts (to those platforms and to
   * {@code console}). Closing the result stops them in the order that loses nothing.
   *
   * @param notes where to say which adapter is not started for want of a secret, and where the
   *              operations endpoint listens
   */
  public Running run(Map<String, String> env, PrintStream notes, ChannelGateway console) throws Exception {
    AtomicBoolean started = new AtomicBoolean();
    readiness.register("startup", () -> started.get()
        ? Readiness.Check.ready("startup", "platforms started, planner and delivery worker running")
        : Readiness.Check.notReady("startup", "still starting"));
    OpsConfig opsConfig = config.ops();
    OpsServer ops = opsConfig.enabled() ? serveOps(opsConfig.host(), opsConfig.port()) : null;
    if (ops != null) {
      notes.println("Operations endpoint on " + ops.uri() + " (/healthz, /readyz, /metrics)");
    }
    PlatformAdapters adapters = null;
    IngestRuntime ingest = null;
    try {
      adapters = PlatformAdapters.start(env, config, commands, clock, notes, readiness, Optional.of(stores));
      ingest = startIngest();
      Map<Platform, ChannelGateway> gateways = new EnumMap<>(Platform.class);
      gateways.putAll(adapters.gateways());
      gateways.put(Platform.CONSOLE, console);
      Running running = new Running(ops, adapters, ingest, startDelivery(gateways));
      started.set(true);
      return running;
    } catch (Exception | Error e) {
      if (adapters != null) {
        adapters.close();
      }
      if (ingest != null) {
        ingest.close();
      }
      if (ops != null) {
        ops.close();
      }
      throw e;
    }
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
    composers.put(Delivery.Kind.DIGEST, dailyPosts);
    composers.put(Delivery.Kind.NO_DIGEST, dailyPosts);
    composers.put(Delivery.Kind.WEEKLY, weeklyPosts);
    AlertMessageFormatter alertMessages = new AlertMessageFormatter(stores.papers());
    composers.put(Delivery.Kind.ALERT, row -> stores.alerts().batch(row.channel(), row.key())
        .<PostComposer.Composed>map(b -> new PostComposer.Post(alertMessages.format(b)))
        .orElse(new PostComposer.Skip("no alert batch is stored for " + row.key())));
    DeliveryWorker worker = new DeliveryWorker(stores.outbox(), composers, gateways,
        new RetryPolicy(d.retryBaseDelay(), d.retryMaxDelay(), d.maxAttempts()), d.catchUp(), d.poll(),
        d.parallelism(), clock, d.maxMessages(), metrics,
        coordination.sharing().withShards(config.discord().shards().outboxFilter()));
    DeliveryPlanner planner = new DeliveryPlanner(stores.subscriptions(), stores.outbox(), stores.reports(),
        DigestDays.of(stores.papers()), new PlanRules(d.catchUp()), worker.platforms(), clock, worker::wake);
    return DeliveryRuntime.start(planner, worker, work, coordination.schedulers());
  }

  /**
   * Starts polling the configured digest sources for each day's digest; every newly stored day is
   * matched against the alerts.
   */
  public IngestRuntime startIngest() {
    IngestConfig ingest = config.ingest();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    DigestParser parser = new DigestParser(ingest.maxPapersPerDay());
    List<DigestSource> sources = DigestSources.parse(config.sources(), parser::parse, http,
        ingest.httpTimeoutDuration());
    DigestPoller poller = new DigestPoller(sources, stores.papers(), clock, config.zone(), new PollPolicy(
        ingest.firstTryTime(), ingest.initialBackoffDuration(), ingest.maxBackoffDuration(), ingest.giveUpTime()),
        ingest.maxPapersPerDay());
    poller.addListener((result, digest) -> stored(List.of(result)));
    return IngestRuntime.start(poller, clock, config.zone(), new IngestSchedule(ingest.cron(), config.zone()),
        coordination.schedulers());
  }

  /** Closes the command service, then the stores: after whatever {@link #run} started is closed. */
  @Override
  public void close() {
    commands.close();
    stores.close();
  }
}
