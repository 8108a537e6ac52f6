package io.paperboy.slack;

import java.io.IOException;

/**
 * The real HTTP-mode endpoint ({@link HttpModeFixture}: Jetty, the guard, Bolt, a fake Slack) in
 * a process of its own, so {@link SlackHttpFloodTest} can give it a small heap. Prints
 * {@code READY <port>} when it listens, serves until its standard input ends.
 */
final class HttpModeProcess {

  static final String READY = "READY ";

  private HttpModeProcess() {}

  public static void main(String[] args) throws Exception {
    try (HttpModeFixture slack = HttpModeFixture.start()) {
      System.out.println(READY + slack.server.port());
      System.out.flush();
      waitForEndOfInput();
    }
  }

  private static void waitForEndOfInput() throws IOException {
    while (System.in.read() >= 0) {
      // the parent closes our stdin to stop us
    }
  }
}
