package io.paperboy.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import javax.net.SocketFactory;
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

  /** A socket factory whose sockets have TCP_NODELAY set, for any OkHttp client talking to Slack. */
  public static SocketFactory noDelaySocketFactory() {
    return new NoDelaySocketFactory();
  }

  /**
   * Sockets with TCP_NODELAY: small form posts otherwise wait for the peer's delayed ACK (about
   * 40 ms per request on loopback, measurable against Slack too).
   */
  static final class NoDelaySocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      Socket s = createSocket();
      s.bind(new InetSocketAddress(localHost, localPort));
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      Socket s = createSocket();
      s.bind(new InetSocketAddress(localAddress, localPort));
      s.connect(new InetSocketAddress(address, port));
      return s;
    }

    private Socket connected(InetSocketAddress address) throws IOException {
      Socket s = createSocket();
      s.connect(address);
      return s;
    }
  }
}
