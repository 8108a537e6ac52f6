package io.paperboy.slack;

import io.paperboy.core.command.CommandService;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.SignedRequests;
import java.io.IOException;
import java.net.URI;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fake Slack, and real Bolt in HTTP mode on 127.0.0.1:0 pointed at it, answering the test
 * commands; users U0ADMIN (admin), U0OWNER (owner) and U0MEMBER (neither) exist, U0ALLOWED is on
 * the allow-list only. {@code /digest} is renamed {@code /papers-digest}.
 */
final class HttpModeFixture implements AutoCloseable {

  static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String CHANNEL = "C0PAPERS";
  static final Instant NOW = Instant.parse("2024-06-07T09:00:00Z");

  final FakeSlack fake;
  final TestCommands commands = TestCommands.create();
  final CommandService service;
  final SlackBot bot;
  final SlackHttpServer server;
  final SignedRequests requests = new SignedRequests(SIGNING_SECRET);

  private HttpModeFixture(Duration ackBudget, Clock requestClock) throws Exception {
    fake = FakeSlack.start()
        .channel(CHANNEL, FakeSlack.Membership.MEMBER)
        .user("U0ADMIN", true, false)
        .user("U0OWNER", false, true)
        .user("U0MEMBER", false, false);
    SlackSettings settings = new SlackSettings(Optional.of(FakeSlack.BOT_TOKEN), Optional.empty(),
        Optional.of(SIGNING_SECRET), fake.apiUrl(), "127.0.0.1", 0, Map.of("digest", "papers-digest"),
        Set.of("U0ALLOWED"));
    service = new CommandService(commands.registry(), CommandService.Limits.DEFAULT.withAnswerBudget(ackBudget));
    bot = new SlackBot(settings, service, SlackClients.create(fake.apiUrl()), Clock.fixed(NOW, ZoneOffset.UTC));
    server = SlackHttpServer.start(bot, "127.0.0.1", 0, requestClock);
  }

  static HttpModeFixture start() throws Exception {
    return new HttpModeFixture(Duration.ofSeconds(2), Clock.systemUTC());
  }

  static HttpModeFixture start(Duration ackBudget) throws Exception {
    return new HttpModeFixture(ackBudget, Clock.systemUTC());
  }

  /** Judges request timestamps by {@code requestClock} instead of the system clock. */
  static HttpModeFixture judgingTimeBy(Clock requestClock) throws Exception {
    return new HttpModeFixture(Duration.ofSeconds(2), requestClock);
  }

  URI events() {
    return server.eventsUrl();
  }

  /** A correctly signed slash command from {@code user} in {@link #CHANNEL}. */
  SignedRequests.Answer command(String command, String text, String user, String responseId)
      throws IOException {
    return requests.post(events(), body(command, text, user, responseId));
  }

  String body(String command, String text, String user, String responseId) {
    return SignedRequests.slashCommand(command, text, user, CHANNEL, fake.responseUrl(responseId));
  }

  @Override
  public void close() {
    commands.release.countDown();
    try {
      server.close();
    } finally {
      service.close();
      fake.close();
    }
  }
}
