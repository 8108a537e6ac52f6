package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.command.CommandService;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.health.Readiness;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.SignedRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 for Slack: nothing listens where the Web API should be when {@code run} starts. The
 * adapter must start anyway (one log line naming the host and what to check), say not ready, and
 * connect by itself once Slack answers — here when a forwarder to the fake starts listening on
 * the address the settings name.
 */
@DisplayName("Slack unreachable at start: one line, not ready, retried with backoff, connects once reachable")
class SlackUnreachableAtStartTest {

  private final CommandService commands = TestCommands.create().service();
  private Forwarder forwarder;

  @AfterEach
  void stop() throws IOException {
    commands.close();
    if (forwarder != null) {
      forwarder.close();
    }
  }

  /** Copies bytes both ways between a listening port and the fake: "the network came back". */
  private static final class Forwarder implements AutoCloseable {
    private final ServerSocket server;

    Forwarder(int port, int target) throws IOException {
      server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      Thread accept = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket in = server.accept();
            Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
            in.setTcpNoDelay(true);
            out.setTcpNoDelay(true);
            pipe(in.getInputStream(), out.getOutputStream());
            pipe(out.getInputStream(), in.getOutputStream());
          } catch (IOException e) {
            return;
          }
        }
      }, "forwarder");
      accept.setDaemon(true);
      accept.start();
    }

    private static void pipe(InputStream from, OutputStream to) {
      Thread t = new Thread(() -> {
        try (from; to) {
          from.transferTo(to);
        } catch (IOException e) {
          // one side closed
        }
      }, "forwarder-pipe");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  @DisplayName("HTTP mode: starts without Slack, logs one line, posts fail as transient, then connects and answers")
  void unreachableThenBack() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER);
         LogCapture logs = new LogCapture()) {
      int port = freePort();
      URI api = URI.create("http://127.0.0.1:" + port + "/api/");
      SlackSettings settings = new SlackSettings(Optional.of(FakeSlack.BOT_TOKEN), Optional.empty(),
          Optional.of("secret"), api, "127.0.0.1", 0, Map.of(), Set.of());
      Readiness readiness = new Readiness();

      try (SlackAdapter slack = SlackAdapter.start(settings, commands, Clock.systemUTC(), Optional.empty(),
          Optional.of(readiness), Duration.ofMillis(50))) {
        assertThat(readiness.ready()).isFalse();
        Readiness.Check check = readiness.checks().get(0);
        assertThat(check.name()).isEqualTo("slack");
        assertThat(check.detail()).contains("cannot reach 127.0.0.1").contains("check the network");
        assertThat(slack.eventsUrl()).isEmpty();
        Assertions.assertThatThrownBy(() -> slack.gateway().post(ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C1"),
            Message.builder().text("early").build(), PostOptions.digest("k")))
            .isInstanceOfSatisfying(PostException.class, e -> assertThat(e.kind()).isEqualTo(PostException.Kind.TRANSIENT));

        // retries (every 50, 100, 200 ms …) fail the same way meanwhile; still one line in the log
        Thread.sleep(400);
        assertThat(lines(logs)).filteredOn(l -> l.contains("cannot reach")).hasSize(1);

        forwarder = new Forwarder(port, fake.apiUrl().getPort());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!readiness.ready() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }

        assertThat(readiness.ready()).as(readiness.checks().toString()).isTrue();
        assertThat(lines(logs)).anyMatch(l -> l.contains("reached 127.0.0.1 after it was unreachable"));
        String body = SignedRequests.slashCommand("/paper", "2406.04325", "U1", "C1", fake.responseUrl("a"));
        SignedRequests.Answer answer = new SignedRequests("secret").post(slack.eventsUrl().orElseThrow(), body);
        assertThat(answer.statusCode()).isEqualTo(200);
        slack.gateway().post(ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C1"),
            Message.builder().text("later").build(), PostOptions.digest("k2"));
        assertThat(fake.messages("C1")).hasSize(1);
      }
    }
  }

  private static java.util.List<String> lines(LogCapture logs) {
    return logs.events().stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
  }
}
