package io.paperboy.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import com.slack.api.bolt.servlet.SlackOAuthAppServlet;
import io.paperboy.slack.install.SlackDistribution;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import javax.servlet.DispatcherType;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTP mode: Bolt's servlet at {@code /slack/events} on our own Jetty connector, bound to the
 * configured address and port. (Bolt's {@code SlackAppServer} always binds 0.0.0.0 and cannot
 * report an ephemeral port, so tests could not use it.) In front of the servlet,
 * {@link SlackRequestGuard} refuses oversized, unsigned, badly signed, stale, future-dated and
 * replayed requests before anything parses them; Jetty itself is bounded so that no path reads an
 * unbounded body or runs unbounded threads.
 */
public final class SlackHttpServer implements AutoCloseable {

  public static final String EVENTS_PATH = "/slack/events";

  /**
   * The largest request body read: 512 KiB. Slack documents no size for the requests it sends,
   * only the limits of what they carry. Paperboy answers slash commands: about fourteen form
   * fields plus the text typed in the message box, where a message is at most 40,000 characters;
   * even in Korean (3 UTF-8 bytes a character, percent-encoded to 9) that is under 370 KB. The other
   * kinds Slack could send to this URL are smaller or comparable: an Events API message event
   * (text at most 40,000 characters plus its blocks, JSON) and an interactivity payload, whose
   * largest documented content is a view of at most 100 blocks (text fields of at most 3,000
   * characters, private_metadata 3,000) with its state; only a modal filled to every limit would
   * pass 512 KiB, and Paperboy opens no modals. The cap also bounds what one request can hold
   * before its signature is checked: at most {@link #MAX_THREADS} × 512 KiB (16 MiB) at once.
   */
  public static final int MAX_BODY_BYTES = 512 * 1024;

  /** Request line plus headers; Slack's are a few hundred bytes. Jetty answers 431 past it. */
  static final int MAX_HEADER_BYTES = 8 * 1024;
  /** Form fields (a slash command has about fourteen, an interactivity post one). */
  static final int MAX_FORM_KEYS = 100;
  /** Slack waits 3 s for an answer: a connection idle for longer is not Slack sending one. */
  static final int IDLE_TIMEOUT_MILLIS = 10_000;
  /**
   * Threads for Jetty's acceptor and selector and the requests being handled; a command holds
   * one for at most its ack budget (under 3 s), so 30 handle more than 10 slow commands a second.
   */
  static final int MAX_THREADS = 32;
  /** Connections ready to be handled while all threads are busy; past that, Jetty closes them. */
  static final int MAX_QUEUED = 128;

  private final Server server;
  private final ServerConnector connector;
  private final App app;

  private SlackHttpServer(Server server, ServerConnector connector, App app) {
    this.server = server;
    this.connector = connector;
    this.app = app;
  }

  /**
   * Starts the Bolt app (which checks the bot token with {@code auth.test}) and serves it,
   * judging request timestamps by the system clock.
   *
   * @param port a TCP port, or 0 for any free one (read it back with {@link #port()})
   */
  public static SlackHttpServer start(SlackBot bot, String host, int port) throws Exception {
    return start(bot, host, port, Clock.systemUTC());
  }

  /**
   * Like {@link #start(SlackBot, String, int)}, judging request timestamps by {@code clock}. That
   * is real time (Slack's), never the pinned clock {@code --now} gives the digest domain.
   */
  public static SlackHttpServer start(SlackBot bot, String host, int port, Clock clock) throws Exception {
    String signingSecret = bot.app().config().getSigningSecret();
    SlackRequestGuard guard = new SlackRequestGuard(signingSecret, clock, MAX_BODY_BYTES,
        new SeenSignatures(clock, SlackRequestGuard.WINDOW, SeenSignatures.DEFAULT_CAPACITY));

    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4, 60_000, new BlockingArrayQueue<>(MAX_QUEUED));
    threads.setName("slack-http");
    Server server = new Server(threads);
    server.setErrorHandler(new QuietErrorHandler());
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    // no setMinRequestDataRate: Jetty's rule refused complete small bodies that were read late
    // (a loaded machine), as 400s; SlackRequestGuard cuts slow bodies off itself
    // Jetty would wait for the first body byte before running the guard; most refusals (length,
    // signature headers, timestamp) need only the headers, and must not wait for a body
    http.setDelayDispatchUntilContent(false);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    connector.setAcceptedTcpNoDelay(true);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    // Bolt reads the raw body itself; these bound any form parsing the container might still do
    context.setMaxFormContentSize(MAX_BODY_BYTES);
    context.setMaxFormKeys(MAX_FORM_KEYS);
    context.setErrorHandler(new QuietErrorHandler());
    // other paths have no servlet: Jetty answers them 404 without reading a body
    context.addFilter(new FilterHolder(guard), EVENTS_PATH, EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new SlackAppServlet(bot.app())), EVENTS_PATH);
    if (bot.distribution().isPresent()) {
      // browser GETs, not Slack's signed POSTs: the state (one-time, in the database) guards them
      ServletHolder oauth = new ServletHolder(new SlackOAuthAppServlet(bot.app()));
      context.addServlet(oauth, SlackDistribution.INSTALL_PATH);
      context.addServlet(oauth, SlackDistribution.REDIRECT_PATH);
    }
    server.setHandler(context);
    bot.app().start();
    try {
      server.start();
    } catch (Exception e) {
      bot.app().stop();
      server.stop();
      throw new IllegalStateException("Slack HTTP mode could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return new SlackHttpServer(server, connector, bot.app());
  }

  /** Where an admin starts installing the app into a workspace (a distributed app only). */
  public URI installUrl() {
    return eventsUrl().resolve(SlackDistribution.INSTALL_PATH);
  }

  /** The bound port. */
  public int port() {
    return connector.getLocalPort();
  }

  /** Where Slack must send requests (the Request URL of the app's slash commands). */
  public URI eventsUrl() {
    String host = connector.getHost() == null || "0.0.0.0".equals(connector.getHost()) ? "127.0.0.1" : connector.getHost();
    return URI.create("http://" + host + ":" + port() + EVENTS_PATH);
  }

  /** Stops listening, then the Bolt app. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the Slack HTTP server: " + e.getMessage(), e);
    } finally {
      app.stop();
    }
  }
}
