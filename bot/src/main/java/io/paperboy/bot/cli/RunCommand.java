package io.paperboy.bot.cli;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.Running;
import io.paperboy.core.command.CommandDefinition;
import java.util.concurrent.CountDownLatch;
import io.paperboy.bot.console.ConsoleChannel;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.Subscription;
import java.time.Instant;
import io.paperboy.bot.console.ConsoleGateway;
import io.paperboy.bot.console.ConsoleIo;
import io.paperboy.bot.console.PipedConsoleIo;
import io.paperboy.bot.console.TerminalConsoleIo;
import io.paperboy.core.console.ConsoleRenderer;
import io.paperboy.core.console.TerminalStyle;
import io.paperboy.bot.subscriptions.SubscriptionText;
import io.paperboy.scheduler.digest.DigestRejectedException;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.scheduler.ingest.IngestReport;
import io.paperboy.scheduler.ingest.NamedForAnotherDay;
import io.paperboy.store.ChannelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.database.DatabaseSetting;

/**
 * {@code paperboy run} (also {@code ./paperboy} alone): the main job. Ingests the seed digests
 * (idempotent), starts the daily posts (planner and delivery worker) and serves the console
 * channel on stdin/stdout.
 */
@Command(name = "run", description = "Run Paperboy: ingest the seeds, then answer commands typed on the console.",
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

  private final Launcher launcher;

  RunCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Option(names = "--ops-port", paramLabel = "PORT",
      description = "Serve /healthz, /readyz and /metrics on this port (0: a free one; default: the config's "
          + "`ops.port`, else off)")
  void opsPort(int port) {
    launcher.opsPort(port);
  }

  @Override
  public Integer call() throws Exception {
    PaperboyConfig config = launcher.config();
    DatabaseSetting database = launcher.database(config);
    try (AutoCloseable owner = launcher.lockForRun(database); Paperboy app = launcher.open(config)) {
      Stdio stdio = launcher.stdio();
      List<Path> seeds = config.seeds().stream().map(Path::of).filter(Files::exists).toList();
      if (!seeds.isEmpty()) {
        IngestReport report = app.ingest(seeds, IngestProgress.NONE);
        for (DigestRejectedException refusal : report.refusals()) {
          stdio.err().println(refusal.getMessage());
        }
        for (NamedForAnotherDay misnamed : report.misnamed()) {
          stdio.err().println("warning: " + misnamed.message());
        }
        stdio.err().println("seeds: " + report.summary());
      }
      ConsoleRenderer renderer = new ConsoleRenderer(TerminalStyle.forOutput(stdio.terminal(), launcher.env()),
          Launcher.charts(database));
      try (ConsoleIo io = consoleIo(stdio, app)) {
        ConsoleChannel console = new ConsoleChannel(app.commands(), renderer, app.clock(), io);
        console.printLine("Paperboy is running on " + database.display()
            + ". Type /help for commands, /quit to stop.");
        // run() serves the operations endpoint, ready once it has started the platforms and the posts
        try (Running running = app.run(launcher.env(), stdio.err(), new ConsoleGateway(console))) {
          app.subscriptionAdmin().subscribing().find(ChannelRef.console()).ifPresent(s -> announce(console, app, s));
          console.serve();
          if (running.servesPlatforms() && !console.quitRequested()) {
            // stdin closed (a service, a container): keep serving the platforms until stopped
            stdio.err().println("Console input closed; serving Discord/Slack until stopped (SIGTERM).");
            awaitShutdown();
          }
        }
      }
      return ExitCodes.DONE;
    }
  }

  /**
   * The console's next post, as the planner will see it: not a slot before the subscription was
   * made, nor one already posted here. A `--now` demo on a database an earlier run used meets
   * both; it is told why nothing comes at the pinned time and what to do instead.
   */
  private void announce(ConsoleChannel console, Paperboy app, Subscription s) {
    Instant now = app.clock().instant();
    java.util.function.Predicate<java.time.LocalDate> posted = date -> app.subscriptionAdmin().reports()
        .find(new OutboxKey(s.channel(), Delivery.Kind.DIGEST, date.toString())).isPresent();
    String next = SubscriptionText.nextPost(s, now, posted);
    console.printLine("Daily post here: " + SubscriptionText.settings(s) + "; next " + next + ".");
    boolean passedOver = s.createdAt().isAfter(now)
        || posted.test(io.paperboy.scheduler.plan.Schedule.nextSlot(s, now).date());
    if (launcher.common().now != null && passedOver) {
      console.printLine("(This database was used before: its console subscription dates from "
          + s.createdAt().atZone(s.zone()).toLocalDate() + " and posts nothing earlier, nor a day it already posted. "
          + "For the --now demo use a new database: another --db.)");
    }
  }

  /**
   * A line editor when a person sits at the terminal (history kept in {@code ~/.paperboy_history}),
   * else plain line-by-line streams.
   */
  private static ConsoleIo consoleIo(Stdio stdio, Paperboy app) {
    if (!stdio.terminal()) {
      return new PipedConsoleIo(stdio.in(), stdio.out());
    }
    List<String> names = app.commands().definitions().stream().map(CommandDefinition::name).toList();
    return TerminalConsoleIo.system(names, Optional.of(Path.of(System.getProperty("user.home"), ".paperboy_history")));
  }

  private static void awaitShutdown() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "paperboy-shutdown"));
    stopped.await();
  }
}
