package io.paperboy.bot.config;

/**
 * The operations endpoint of {@code paperboy run}: {@code /healthz}, {@code /readyz} and
 * {@code /metrics} over HTTP. Off unless a port is set: the console run on a laptop needs no
 * listening socket, a service behind an orchestrator sets one.
 *
 * @param port TCP port to listen on (0 picks a free one, logged at start); absent: off
 * @param host the address to bind; all interfaces by default, since probes and scrapers come from
 *             other machines
 */
public record OpsConfig(Integer port, String host) {

  public OpsConfig {
    host = host == null ? "0.0.0.0" : host;
    if (port != null && (port < 0 || port > 65535)) {
      throw new ConfigException("ops.port", port + " is not a TCP port (0-65535; 0 picks a free one)");
    }
    if (host.isBlank()) {
      throw new ConfigException("ops.host", "must not be empty");
    }
  }

  public static OpsConfig off() {
    return new OpsConfig(null, null);
  }

  public boolean enabled() {
    return port != null;
  }

  public OpsConfig withPort(int newPort) {
    return new OpsConfig(newPort, host);
  }
}
