package io.paperboy.slack;

import com.slack.api.Slack;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.health.Readiness;
import io.paperboy.slack.install.SlackDistribution;
import io.paperboy.store.Stores;
import io.paperboy.store.ratelimit.SharedRateLimit;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole Slack side of {@code paperboy run}: the bot in the mode the secrets select (Socket
 * Mode with an app-level token, else HTTP mode with a signing secret) and the gateway deliveries
 * post through. One object for the composition root to start and close.
 *
 * <p>Slack unreachable at start (no network, DNS, a proxy or firewall in the way) does not stop
 * Paperboy: one line says so, and the connection is retried with backoff in the background while
 * the rest runs; posts meanwhile fail as transient and the delivery worker retries them. The
 * {@code slack} readiness check is not ready until Slack answered. A refused token, by contrast,
 * still fails the start: retrying cannot fix it.
 */
public final class SlackAdapter implements AutoCloseable {

  /** The name of this adapter's readiness check. */
  public static final String READINESS_CHECK = "slack";
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration LONGEST_RETRY = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

  private final SlackSettings settings;
  private final SlackSettings.Mode mode;
  private final SlackBot bot;
  private final SlackGateway gateway;
  private final Slack slack;
  private final Duration firstRetry;
  private final Object lock = new Object();
  private volatile Optional<SlackHttpServer> http = Optional.empty();
  private volatile Optional<SlackSocketMode> socket = Optional.empty();
  private volatile Readiness.Check state;
  private volatile boolean closed;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "slack-connect");
    t.setDaemon(true);
    return t;
  });

  private SlackAdapter(SlackSettings settings, SlackBot bot, SlackGateway gateway, Slack slack, Duration firstRetry) {
    this.settings = settings;
    this.mode = settings.mode().orElseThrow();
    this.bot = bot;
    this.gateway = gateway;
    this.slack = slack;
    this.firstRetry = firstRetry;
    this.state = Readiness.Check.notReady(READINESS_CHECK, "connecting to " + host());
  }

  /**
   * Starts Slack as {@code settings} say.
   *
   * @throws IllegalStateException naming the environment variable to set when a secret is missing
   *                               (check {@link SlackSettings#missing()} first to skip Slack quietly)
   * @param commands answers the slash commands; shared, so closing the adapter leaves it open
   * @throws Exception             when Slack refuses the token or the HTTP port cannot be bound
   */
  public static SlackAdapter start(SlackSettings settings, CommandService commands, Clock clock) throws Exception {
    return start(settings, commands, clock, Optional.empty());
  }

  /**
   * Like {@link #start(SlackSettings, CommandService, Clock)}; a distributed app
   * ({@code SLACK_CLIENT_ID}) keeps its installations and OAuth states in {@code stores}.
   */
  public static SlackAdapter start(SlackSettings settings, CommandService commands, Clock clock,
      Optional<Stores> stores) throws Exception {
    return start(settings, commands, clock, stores, Optional.empty());
  }

  /** Like the above, registering the {@value #READINESS_CHECK} check in {@code readiness}. */
  public static SlackAdapter start(SlackSettings settings, CommandService commands, Clock clock,
      Optional<Stores> stores, Optional<Readiness> readiness) throws Exception {
    return start(settings, commands, clock, stores, readiness, FIRST_RETRY);
  }

  static SlackAdapter start(SlackSettings settings, CommandService commands, Clock clock, Optional<Stores> stores,
      Optional<Readiness> readiness, Duration firstRetry) throws Exception {
    settings.mode().orElseThrow(() ->
        new IllegalStateException("Slack is not started: " + settings.missing().orElseThrow()));
    Slack slack = SlackClients.create(settings.apiUrl());
    Optional<SlackDistribution> distribution = Optional.empty();
    if (settings.distributed()) {
      Stores s = stores.orElseThrow(() -> new IllegalStateException(
          "a distributed Slack app keeps its installations in the database, and none was given"));
      // installations, states and token refreshes run on the real clock: Slack's, not --now's
      distribution = Optional.of(new SlackDistribution(s.slackInstallations(), s.slackOAuthStates(), slack,
          settings.clientId().orElseThrow(), settings.clientSecret().orElseThrow(), holder(), Clock.systemUTC()));
    }
    SlackBot bot = new SlackBot(settings, commands, slack, clock, distribution);
    // the database's slots when there is one: every instance on it together keeps Slack's limits
    SlackPacer pacer = SlackPacer.of(stores.map(Stores::rateLimits).orElseGet(SharedRateLimit::inProcess));
    SlackGateway gateway = SlackGateway.create(slack, bot.botTokens(), pacer);
    SlackAdapter adapter = new SlackAdapter(settings, bot, gateway, slack, firstRetry);
    readiness.ifPresent(r -> r.register(READINESS_CHECK, () -> adapter.state));
    if (adapter.reachable().isPresent()) {
      adapter.connect();
    } else {
      adapter.retryLater(firstRetry);
    }
    return adapter;
  }

  /** Empty when Slack's Web API answered anything at all; else what went wrong on the way. */
  private Optional<String> unreachableBecause() {
    try {
      // api.test needs no token: any HTTP answer means the network path to Slack works
      slack.methods().apiTest(r -> r);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (com.slack.api.methods.SlackApiException e) {
      return Optional.empty();
    }
  }

  /** Present when reachable; logs the one line and marks not ready when not. */
  private Optional<Boolean> reachable() {
    Optional<String> why = unreachableBecause();
    if (why.isEmpty()) {
      return Optional.of(true);
    }
    String line = "Slack: cannot reach " + host() + " (" + why.get() + "); check the network, DNS, any proxy or"
        + " firewall, and slack.api-url; retrying with backoff while the rest of Paperboy runs";
    if (!state.detail().equals(line)) {
      log.warn(line);
    }
    state = Readiness.Check.notReady(READINESS_CHECK, line);
    return Optional.empty();
  }

  /** Starts the mode's connection (checks the bot token with {@code auth.test}); Slack is reachable. */
  private void connect() throws Exception {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (mode == SlackSettings.Mode.SOCKET) {
        socket = Optional.of(SlackSocketMode.start(bot, settings.appToken().orElseThrow()));
        log.info("Slack: Socket Mode, commands {}", bot.slashCommands());
      } else {
        // request timestamps are Slack's real time: judged by the system clock, not by the
        // application clock, which --now may pin to another day
        SlackHttpServer server = SlackHttpServer.start(bot, settings.httpHost(), settings.httpPort(),
            Clock.systemUTC());
        http = Optional.of(server);
        log.info("Slack: HTTP mode at {}, commands {}", server.eventsUrl(), bot.slashCommands());
        if (bot.distribution().isPresent()) {
          log.info("Slack: distributed app; install it into a workspace from {} ({} installed so far)",
              server.installUrl(), bot.distribution().get().tokens().store().all().size());
        }
      }
      state = Readiness.Check.ready(READINESS_CHECK, mode + " via " + host());
    }
  }

  private void retryLater(Duration wait) {
    if (closed) {
      return;
    }
    retries.schedule(() -> {
      if (reachable().isEmpty()) {
        Duration next = wait.multipliedBy(2);
        retryLater(next.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : next);
        return;
      }
      try {
        connect();
        log.info("Slack: reached {} after it was unreachable at start", host());
      } catch (Exception e) {
        // reachable now but refused (a wrong token, a port in use): retrying will not fix it
        String line = "Slack: not started after all: " + e.getMessage();
        log.error(line);
        state = Readiness.Check.notReady(READINESS_CHECK, line);
      }
    }, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private String host() {
    return settings.apiUrl().getHost();
  }

  /** Names this instance in refresh leases: {@code pid 4242 on host-a}. */
  private static String holder() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host;
  }

  public SlackSettings.Mode mode() {
    return mode;
  }

  /** Whether Slack answered and the mode's connection started (what the readiness check says). */
  public Readiness.Check readiness() {
    return state;
  }

  /** Posts deliveries to Slack channels. */
  public SlackGateway gateway() {
    return gateway;
  }

  /** Where Slack must send slash commands, in HTTP mode, once connected. */
  public Optional<URI> eventsUrl() {
    return http.map(SlackHttpServer::eventsUrl);
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    retries.shutdownNow();
    try {
      if (socket.isPresent()) {
        socket.get().close();
      }
    } finally {
      if (http.isPresent()) {
        http.get().close();
      }
    }
  }
}
