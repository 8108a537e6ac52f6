package io.paperboy.slack.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.net.NoDelaySocketFactory;
import io.paperboy.slack.SlackBot;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackHttpServer;
import io.paperboy.slack.SlackPacer;
import io.paperboy.slack.SlackSettings;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.SignedRequests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A distributed Paperboy Slack app in HTTP mode (real Bolt, real Jetty) on a real SQLite file,
 * against the fake Slack, with a browser that walks the install flow.
 */
final class DistributedFixture implements AutoCloseable {

  static final String SIGNING_SECRET = "5d1c2b3a49586776a5b4c3d2e1f00f1e";

  final MutableClock clock = new MutableClock(Instant.now());
  final FakeSlack fake;
  final SqliteStores stores;
  final Slack slack;
  final SlackDistribution distribution;
  final CommandService service;
  final SlackBot bot;
  final SlackHttpServer server;
  final SlackGateway gateway;
  final SignedRequests signed = new SignedRequests(SIGNING_SECRET);
  private final OkHttpClient browser = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory())
      .followRedirects(false).callTimeout(Duration.ofSeconds(10)).build();

  /** What the browser saw: status, headers we need, page text. */
  record Page(int status, Optional<String> location, Optional<String> cookie, String body) {}

  DistributedFixture(Path dir, CommandRegistry commands) throws Exception {
    fake = FakeSlack.start().clock(clock);
    stores = SqliteStores.open(dir.resolve("paperboy.db"));
    slack = SlackClients.create(fake.apiUrl());
    distribution = new SlackDistribution(stores.slackInstallations(), stores.slackOAuthStates(), slack,
        FakeSlack.CLIENT_ID, FakeSlack.CLIENT_SECRET, "test-instance", clock);
    SlackSettings settings = new SlackSettings(Optional.empty(), Optional.empty(), Optional.of(SIGNING_SECRET),
        fake.apiUrl(), "127.0.0.1", 0, Map.of(), Set.of(), Optional.of(FakeSlack.CLIENT_ID),
        Optional.of(FakeSlack.CLIENT_SECRET));
    service = new CommandService(commands);
    bot = new SlackBot(settings, service, slack, Clock.systemUTC(), Optional.of(distribution));
    server = SlackHttpServer.start(bot, "127.0.0.1", 0, Clock.systemUTC());
    gateway = SlackGateway.create(slack, bot.botTokens(), new SlackPacer());
  }

  URI url(String path) {
    return server.eventsUrl().resolve(path);
  }

  Page get(String pathAndQuery, Optional<String> cookie) throws IOException {
    Request.Builder request = new Request.Builder().url(url(pathAndQuery).toString());
    cookie.ifPresent(c -> request.header("Cookie", c));
    try (Response r = browser.newCall(request.build()).execute()) {
      Optional<String> setCookie = r.headers("Set-Cookie").stream().filter(c -> !c.contains("=deleted"))
          .map(c -> c.split(";")[0]).findFirst();
      return new Page(r.code(), Optional.ofNullable(r.header("Location")), setCookie, r.body().string());
    }
  }

  /** GET /slack/install: Slack's authorize URL (with its state) and the state cookie. */
  Page startInstall() throws IOException {
    Page page = get(SlackDistribution.INSTALL_PATH, Optional.empty());
    assertThat(page.status()).as(page.body()).isEqualTo(302);
    return page;
  }

  static String state(Page start) {
    String location = start.location().orElseThrow();
    return location.replaceFirst(".*[?&]state=([^&]*).*", "$1");
  }

  /** Slack sends the browser back with a code for {@code team}; the browser carries the state cookie. */
  Page finishInstall(Page start, String teamId, String installer) throws IOException {
    String code = fake.issueCode(teamId, installer);
    return get(SlackDistribution.REDIRECT_PATH + "?code=" + code + "&state=" + state(start), start.cookie());
  }

  /** The whole flow for {@code team}; asserts the "installed" page. */
  void install(String teamId) throws IOException {
    Page done = finishInstall(startInstall(), teamId, "U0INSTALLER");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("Paperboy is installed");
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      service.close();
      stores.close();
      fake.close();
    }
  }
}
