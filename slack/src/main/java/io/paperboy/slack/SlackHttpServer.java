package io.paperboy.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * HTTP mode: Bolt's servlet at {@code /slack/events} on our own Jetty connector, bound to the
 * configured address and port. (Bolt's {@code SlackAppServer} always binds 0.0.0.0 and cannot
 * report an ephemeral port, so tests could not use it.) Bolt checks each request's signature and
 * answers 401 to a forged, altered, stale or unsigned one before any handler runs.
 */
public final class SlackHttpServer implements AutoCloseable {

  public static final String EVENTS_PATH = "/slack/events";

  private final Server server;
  private final ServerConnector connector;
  private final App app;

  private SlackHttpServer(Server server, ServerConnector connector, App app) {
    this.server = server;
    this.connector = connector;
    this.app = app;
  }

  /**
   * Starts the Bolt app (which checks the bot token with {@code auth.test}) and serves it.
   *
   * @param port a TCP port, or 0 for any free one (read it back with {@link #port()})
   */
  public static SlackHttpServer start(SlackBot bot, String host, int port) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptedTcpNoDelay(true);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SlackAppServlet(bot.app())), EVENTS_PATH);
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
