package io.paperboy.bench;

import io.paperboy.core.command.CommandService;
import io.paperboy.discord.DiscordBot;
import io.paperboy.discord.DiscordSettings;
import io.paperboy.slack.SlackBot;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackHttpServer;
import io.paperboy.slack.SlackSettings;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeInteraction;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.SignedRequests;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code /paper} round trips through the real adapters against the loopback fakes, each beside a
 * plain HTTP round trip to the same server on the same kind of client, so the ratio is the
 * adapter's own overhead (parsing, dispatch, the store lookup, rendering), not the loopback's.
 */
final class RoundTripBenchmarks {

  /** The round trip through the adapter, and the plain HTTP baseline measured in the same loop. */
  record Result(Latencies adapter, Latencies baseline) {}

  private static final String SLACK_SECRET = "bench-signing-secret-0123456789ab";
  private static final String SLACK_CHANNEL = "C0BENCH";
  private static final String SLACK_USER = "U0BENCH";
  private static final Duration READY = Duration.ofSeconds(60);

  private final CommandService commands;
  private final List<String> ids;
  private final int warmUp;
  private final int iterations;

  /**
   * @param commands   the application's real command service, on the bench's store
   * @param ids        arXiv ids the store holds; {@code /paper} asks for them at random
   * @param warmUp     round trips before measuring
   * @param iterations measured round trips
   */
  RoundTripBenchmarks(CommandService commands, List<String> ids, int warmUp, int iterations) {
    this.commands = commands;
    this.ids = ids;
    this.warmUp = warmUp;
    this.iterations = iterations;
  }

  /**
   * INTERACTION_CREATE leaving FakeDiscord's gateway → the interaction callback arriving at its
   * REST side, through real JDA; baseline: {@code GET /users/@me} to the same fake over OkHttp
   * (JDA's HTTP client) with TCP_NODELAY, from request to the answer read.
   */
  Result discord() throws Exception {
    Latencies viaJda = new Latencies();
    Latencies raw = new Latencies();
    OkHttpClient http = client();
    try (FakeDiscord fake = FakeDiscord.start(DiscordBot.invitePermissions());
         DiscordBot bot = DiscordBot.start(new DiscordSettings("bench-token", fake.apiUrl(), fake.gatewayUrl()),
             commands, Clock.systemUTC(), READY)) {
      Request me = new Request.Builder().url(fake.apiUrl() + "users/@me").header("Authorization", "Bot bench-token")
          .get().build();
      Random random = new Random(11);
      for (int i = 0; i < warmUp + iterations; i++) {
        String id = ids.get(random.nextInt(ids.size()));
        long sent = System.nanoTime();
        String interaction = fake.send(FakeInteraction.slash("paper").option("id", id));
        RecordedCall callback = fake.awaitCallback(interaction);
        long jda = callback.at() - sent;
        requireAnswered("Discord", id, callback.body().toString());
        long t0 = System.nanoTime();
        roundTrip(http, me, 200);
        long plain = System.nanoTime() - t0;
        if (i >= warmUp) {
          viaJda.add(jda);
          raw.add(plain);
        }
      }
    } finally {
      shutdown(http);
    }
    return new Result(viaJda, raw);
  }

  /**
   * A signed slash command POSTed to Bolt's servlet on Jetty → the ack JSON read back; baseline:
   * the same POST to a path Jetty refuses (405) without Bolt, on the same server and client.
   */
  Result slack() throws Exception {
    Latencies viaBolt = new Latencies();
    Latencies raw = new Latencies();
    SignedRequests requests = new SignedRequests(SLACK_SECRET);
    try (FakeSlack fake = FakeSlack.start().channel(SLACK_CHANNEL, FakeSlack.Membership.MEMBER)
        .user(SLACK_USER, false, false)) {
      SlackSettings settings = new SlackSettings(Optional.of(FakeSlack.BOT_TOKEN), Optional.empty(),
          Optional.of(SLACK_SECRET), fake.apiUrl(), "127.0.0.1", 0, Map.of(), Set.of());
      SlackBot bot = new SlackBot(settings, commands, SlackClients.create(fake.apiUrl()), Clock.systemUTC());
      try (SlackHttpServer server = SlackHttpServer.start(bot, "127.0.0.1", 0)) {
        URI events = server.eventsUrl();
        URI trivial = URI.create("http://127.0.0.1:" + server.port() + "/bench-baseline");
        Random random = new Random(13);
        for (int i = 0; i < warmUp + iterations; i++) {
          String id = ids.get(random.nextInt(ids.size()));
          String body = SignedRequests.slashCommand("/paper", id, SLACK_USER, SLACK_CHANNEL, fake.responseUrl("bench"));
          long t0 = System.nanoTime();
          SignedRequests.Answer ack = requests.post(events, body);
          long t1 = System.nanoTime();
          SignedRequests.Answer refused = requests.post(trivial, body);
          long t2 = System.nanoTime();
          if (ack.statusCode() != 200) {
            throw new IllegalStateException("Bolt answered /paper " + id + " with HTTP " + ack.statusCode() + ": " + ack.body());
          }
          requireAnswered("Slack", id, ack.body());
          // Jetty's default servlet refuses a POST to an unmapped path (405) without Bolt being involved
          if (refused.statusCode() != 404 && refused.statusCode() != 405) {
            throw new IllegalStateException("the baseline path answered HTTP " + refused.statusCode()
                + ", not Jetty's 404/405");
          }
          if (i >= warmUp) {
            viaBolt.add(t1 - t0);
            raw.add(t2 - t1);
          }
        }
      }
    }
    return new Result(viaBolt, raw);
  }

  /** A fast wrong answer must not pass for a fast right one. */
  private static void requireAnswered(String platform, String id, String answer) {
    if (!answer.contains(id)) {
      throw new IllegalStateException(platform + " answered /paper " + id + " without the paper: " + answer);
    }
  }

  private static void roundTrip(OkHttpClient http, Request request, int expected) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      response.body().string();
      if (response.code() != expected) {
        throw new IllegalStateException(request.url() + " answered HTTP " + response.code() + ", expected " + expected);
      }
    }
  }

  private static OkHttpClient client() {
    return new OkHttpClient.Builder().socketFactory(new io.paperboy.core.net.NoDelaySocketFactory())
        .callTimeout(Duration.ofSeconds(10)).build();
  }

  private static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
