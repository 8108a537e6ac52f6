package io.paperboy.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import io.paperboy.core.net.NoDelaySocketFactory;
import java.net.URI;
import okhttp3.OkHttpClient;

/** Builds the Slack SDK entry point for a Web API base URL, with sockets that do not wait on Nagle. */
public final class SlackClients {

  private SlackClients() {}

  /**
   * A {@link Slack} whose Web API calls go to {@code apiUrl} (Slack's, a proxy's or a fake's).
   * Bolt, the Socket Mode client ({@code apps.connections.open}) and {@code respond()} all use it.
   */
  public static Slack create(URI apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl.toString());
    // stats only feed the async client's rate limiter, which Paperboy does not use
    config.setStatsEnabled(false);
    OkHttpClient okHttp = SlackHttpClient.buildOkHttpClient(config).newBuilder()
        .socketFactory(new NoDelaySocketFactory())
        .build();
    return Slack.getInstance(config, new SlackHttpClient(okHttp));
  }
}
