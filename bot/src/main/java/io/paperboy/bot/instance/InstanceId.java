package io.paperboy.bot.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The name of one running instance: {@code pid@host}. It is what an operator sees in a refusal,
 * in an outbox row's {@code claimed_by} and in Quartz's scheduler state, so it names the process
 * they can look up with {@code ps} on that machine rather than a random token.
 */
public record InstanceId(long pid, String host) {

  public InstanceId {
    Objects.requireNonNull(host, "host");
  }

  /** This process. */
  public static InstanceId current() {
    return new InstanceId(ProcessHandle.current().pid(), hostName());
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  @Override
  public String toString() {
    return pid + "@" + host;
  }
}
