package io.paperboy.slack;

import com.slack.api.Slack;
import io.paperboy.core.command.CommandService;
import io.paperboy.slack.install.SlackDistribution;
import io.paperboy.store.Stores;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole Slack side of {@code paperboy run}: the bot in the mode the secrets select (Socket
 * Mode with an app-level token, else HTTP mode with a signing secret) and the gateway deliveries
 * post through. One object for the composition root to start and close.
 */
public final class SlackAdapter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

  private final SlackSettings.Mode mode;
  private final SlackGateway gateway;
  private final Optional<SlackHttpServer> http;
  private final Optional<SlackSocketMode> socket;

  private SlackAdapter(SlackSettings.Mode mode, SlackGateway gateway, Optional<SlackHttpServer> http,
      Optional<SlackSocketMode> socket) {
    this.mode = mode;
    this.gateway = gateway;
    this.http = http;
    this.socket = socket;
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
    SlackSettings.Mode mode = settings.mode().orElseThrow(() ->
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
    SlackGateway gateway = SlackGateway.create(slack, bot.botTokens(), new SlackPacer());
    if (mode == SlackSettings.Mode.SOCKET) {
      SlackSocketMode socket = SlackSocketMode.start(bot, settings.appToken().orElseThrow());
      log.info("Slack: Socket Mode, commands {}", bot.slashCommands());
      return new SlackAdapter(mode, gateway, Optional.empty(), Optional.of(socket));
    }
    // request timestamps are Slack's real time: judged by the system clock, not by `clock`,
    // which --now may pin to another day
    SlackHttpServer http = SlackHttpServer.start(bot, settings.httpHost(), settings.httpPort(), Clock.systemUTC());
    log.info("Slack: HTTP mode at {}, commands {}", http.eventsUrl(), bot.slashCommands());
    if (distribution.isPresent()) {
      log.info("Slack: distributed app; install it into a workspace from {} ({} installed so far)",
          http.installUrl(), distribution.get().tokens().store().all().size());
    }
    return new SlackAdapter(mode, gateway, Optional.of(http), Optional.empty());
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

  /** Posts deliveries to Slack channels. */
  public SlackGateway gateway() {
    return gateway;
  }

  /** Where Slack must send slash commands, in HTTP mode. */
  public Optional<URI> eventsUrl() {
    return http.map(SlackHttpServer::eventsUrl);
  }

  @Override
  public void close() {
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
