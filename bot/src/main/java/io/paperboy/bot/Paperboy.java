package io.paperboy.bot;

import io.paperboy.bot.alerts.AlertCommand;
import io.paperboy.bot.command.Command;
import io.paperboy.bot.command.CommandRegistry;
import io.paperboy.bot.commands.DigestCommand;
import io.paperboy.bot.commands.HelpCommand;
import io.paperboy.bot.commands.PaperCommand;
import io.paperboy.bot.commands.SearchCommand;
import io.paperboy.bot.commands.TopCommand;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.format.DailyPostFormatter;
import io.paperboy.scheduler.alert.AlertPlanner;
import io.paperboy.scheduler.digest.DigestParser;
import io.paperboy.scheduler.ingest.DigestIngestor;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.scheduler.ingest.IngestReport;
import io.paperboy.store.Database;
import io.paperboy.store.PaperStore;
import io.paperboy.store.SqlitePaperStore;
import io.paperboy.store.alert.AlertStore;
import io.paperboy.store.delivery.OutboxStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: builds the object graph with plain constructors, in one place, and hands
 * each component only what it needs. Adapters and the scheduler are started by {@code run}.
 */
public final class Paperboy implements AutoCloseable {

  private final PaperboyConfig config;
  private final Clock clock;
  private final Database database;
  private final PaperStore store;
  private final AlertStore alerts;
  private final OutboxStore outbox;
  private final AlertPlanner alertPlanner;
  private final DigestIngestor ingestor;
  private final DailyPostFormatter dailyPosts = new DailyPostFormatter();
  private final CommandRegistry commands;

  private Paperboy(PaperboyConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.database = Database.open(config.databasePath());
    this.store = new SqlitePaperStore(database);
    this.alerts = new AlertStore(database);
    this.outbox = new OutboxStore(database);
    // only digests of the last few days alert: an import of old days is history, not news
    this.alertPlanner = new AlertPlanner(database, store, alerts, outbox, clock, config.zone(), Duration.ofDays(3));
    this.ingestor = new DigestIngestor(new DigestParser(), store);
    this.commands = buildCommands();
  }

  /** Opens the database (creating and migrating it as needed) and wires everything on it. */
  public static Paperboy open(PaperboyConfig config, Clock clock) {
    return new Paperboy(config, clock);
  }

  private CommandRegistry buildCommands() {
    List<Command> list = new ArrayList<>();
    list.add(new PaperCommand(store));
    list.add(new TopCommand(store, config.zone()));
    list.add(new SearchCommand(store));
    list.add(new DigestCommand(store, config.zone(), dailyPosts));
    list.add(new AlertCommand(alerts, store, config.alerts()));
    CommandRegistry[] self = new CommandRegistry[1];
    list.add(new HelpCommand(() -> self[0].definitions()));
    self[0] = new CommandRegistry(list);
    return self[0];
  }

  public PaperboyConfig config() {
    return config;
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
    alertPlanner.plan(report.results());
    return report;
  }

  public OutboxStore outbox() {
    return outbox;
  }

  public CommandRegistry commands() {
    return commands;
  }

  public DailyPostFormatter dailyPosts() {
    return dailyPosts;
  }

  @Override
  public void close() {
    database.close();
  }
}
