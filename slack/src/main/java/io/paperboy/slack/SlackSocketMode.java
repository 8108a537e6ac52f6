package io.paperboy.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Socket Mode: Bolt opens a WebSocket to Slack ({@code apps.connections.open} with the app-level
 * token), so no public URL is needed. Uses the Java-WebSocket backend (Tyrus is not on the
 * classpath). The client reconnects by itself when Slack rotates the connection.
 */
public final class SlackSocketMode implements AutoCloseable {

  private final SocketModeApp socketModeApp;

  private SlackSocketMode(SocketModeApp socketModeApp) {
    this.socketModeApp = socketModeApp;
  }

  /** Starts the Bolt app ({@code auth.test}), opens the connection and returns without blocking. */
  public static SlackSocketMode start(SlackBot bot, String appToken) throws Exception {
    SocketModeApp app = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, bot.app());
    app.startAsync();
    return new SlackSocketMode(app);
  }

  /** Disconnects and stops the Bolt app. */
  @Override
  public void close() {
    SocketModeClient client = socketModeApp.getClient();
    try {
      socketModeApp.stop();
      if (client != null) {
        // stop() leaves the client's message and session-monitor executors running
        client.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop Slack Socket Mode: " + e.getMessage(), e);
    }
  }
}
