package io.paperboy.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.paperboy.discord.DiscordBot;
import io.paperboy.slack.SlackSettings;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeGuild;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code paperboy run} instances (child JVMs, real JDA and Bolt) started at the same
 * instant on one PostgreSQL schema: both poll one HTTP digest source (a loopback server that
 * counts requests and has today's digest only from its third request on), 20 Discord and 20 Slack
 * channels are subscribed to today's slot, and one alert per platform matches a paper of the new
 * digest. What the fakes received: the source was asked once per poll slot (never twice within
 * one), every channel got its post once (each part once), each alert arrived once.
 */
@Tag("cluster")
@DisplayName("Two `paperboy run` started at the same instant: one fetch per poll slot, each post and alert once")
class SameInstantStartTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  static final int PER_PLATFORM = 20;
  static final String GUILD = "1200000000000000100";
  static final long FIRST_DISCORD_CHANNEL = 1300000000000100000L;
  /** The ingest job's cron: every 3 s, so a slot fired twice shows as two requests well under a second apart. */
  static final String POLL_CRON = "0/3 * * * * ?";
  static final Duration POLL_EVERY = Duration.ofSeconds(3);
  /** Long enough for both JVMs to be up on a loaded machine, so their start polls find nothing due yet. */
  static final Duration FIRST_TRY_AFTER = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  /** One request the digest source received: when (test JVM's monotonic clock) and what it answered. */
  record Fetch(long nanos, int status) {}

  static String digest(LocalDate day) {
    return "## Daily Papers (" + day + ")\n\n"
        + "### [Video Diffusion at Scale](https://arxiv.org/abs/2406.11111)\n\nVote: 9\n\n- 확산모델로 비디오를 만든다.\n\n"
        + "### [A Quiet Paper](https://arxiv.org/abs/2406.33333)\n\nVote: 1\n\n- 조용한 논문이다.\n";
  }

  @Test
  void slotPollAndAlertFireOnce() throws Exception {
    // the slot is today's midnight (UTC), passed already: due as soon as today's digest is stored
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant since = today.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    List<String> discordChannels = new ArrayList<>();
    for (int i = 0; i <= PER_PLATFORM; i++) {
      discordChannels.add(Long.toString(FIRST_DISCORD_CHANNEL + i));
    }
    String discordAlertChannel = discordChannels.get(PER_PLATFORM);
    List<ChannelRef> subscribed = new ArrayList<>();
    FakeSlack slack = FakeSlack.start();
    try (FakeDiscord discord = FakeDiscord.builder(DiscordBot.invitePermissions())
            .guild(FakeGuild.withTextChannels(GUILD, "Cluster Guild", discordChannels, DiscordBot.invitePermissions()))
            .start();
         FakeSlack slackFake = slack;
         PostgresStores stores = PostgresStores.open(pg.paperboyUrl())) {
      for (int i = 0; i < PER_PLATFORM; i++) {
        slack.channel("C0S" + i, FakeSlack.Membership.MEMBER);
        subscribed.add(ChannelRef.of(Platform.DISCORD, GUILD, discordChannels.get(i)));
        subscribed.add(ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C0S" + i));
      }
      slack.channel("C0ALERT", FakeSlack.Membership.MEMBER);
      for (ChannelRef c : subscribed) {
        stores.subscriptions().save(Subscription.of(c, LocalTime.MIDNIGHT, ZoneOffset.UTC, DaySet.DAILY, since), since);
      }
      ChannelRef slackAlert = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, "C0ALERT");
      ChannelRef discordAlert = ChannelRef.of(Platform.DISCORD, GUILD, discordAlertChannel);
      assertThat(stores.alerts().add(Platform.SLACK, FakeSlack.TEAM_ID, slackAlert, "U0ADA", "확산", Optional.empty(), since))
          .isPresent();
      assertThat(stores.alerts().add(Platform.DISCORD, GUILD, discordAlert, "1500000000000000001", "확산", Optional.empty(),
          since)).isPresent();

      // the digest source: "not yet" twice, then today's digest (conditional GET honoured)
      List<Fetch> fetches = new CopyOnWriteArrayList<>();
      HttpServer source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] body = digest(today).getBytes(StandardCharsets.UTF_8);
      source.createContext("/digests/", exchange -> {
        int status;
        synchronized (fetches) {
          boolean ours = exchange.getRequestURI().getPath().equals("/digests/" + today + ".md");
          boolean known = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
          status = !ours ? 404 : fetches.size() < 2 ? 404 : known ? 304 : 200;
          fetches.add(new Fetch(System.nanoTime(), status));
        }
        if (status == 200) {
          exchange.getResponseHeaders().set("ETag", "\"v1\"");
          exchange.getResponseHeaders().set("Content-Type", "text/markdown; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        } else {
          exchange.sendResponseHeaders(status, -1);
        }
        exchange.close();
      });
      source.start();
      List<Process> instances = new ArrayList<>();
      List<Path> logs = new ArrayList<>();
      try {
        // Each start also polls once (a digest waiting in a source is stored at start, not at the
        // next tick); those start polls are not slots. The first try is therefore set a little
        // after both instances are up, in a zone whose offset (a valid whole-second one) puts a
        // minute boundary there, so every fetch comes from a cron slot.
        Instant firstTry = Instant.now().plus(FIRST_TRY_AFTER);
        int offsetSeconds = (int) (60 - firstTry.getEpochSecond() % 60) % 60;
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(offsetSeconds);
        LocalTime firstTryLocal = firstTry.atZone(zone).toLocalTime().withSecond(0).withNano(0);
        String extra = "ingest:\n  cron: \"" + POLL_CRON + "\"\n  first-try: \"" + firstTryLocal + "\"\n"
            + "  initial-backoff: 500ms\n"
            + "  max-backoff: 1s\n  give-up-at: \"23:59\"\n  http-timeout: 10s\n"
            + "delivery:\n  parallelism: 4\n  poll-interval: 500ms\n  retry-base: 100ms\n  retry-max: 2s\n"
            + "  subscribe-console: false\n"
            + "cluster:\n  lease: 30s\n  checkin-interval: 1s\n";
        Path config = dir.resolve("paperboy.yml");
        Files.writeString(config, RunInstance.config(pg.paperboyUrl(), zone.getId(), discord.apiUrl(), discord.gatewayUrl(),
            slack.apiUrl().toString(), List.of("http://127.0.0.1:" + source.getAddress().getPort() + "/digests/{date}.md"),
            extra));
        Map<String, String> secrets = Map.of("DISCORD_TOKEN", "fake-cluster-token",
            SlackSettings.BOT_TOKEN_VARIABLE, FakeSlack.BOT_TOKEN, SlackSettings.SIGNING_SECRET_VARIABLE,
            RunInstance.SIGNING_SECRET);
        // WHEN both start at the same instant
        for (int i = 0; i < 2; i++) {
          logs.add(dir.resolve("instance-" + i + ".log"));
        }
        for (int i = 0; i < 2; i++) {
          instances.add(RunInstance.start(dir, config, logs.get(i), secrets));
        }

        // THEN (once the outbox holds every post and alert, all finished) ...
        int expectedRows = subscribed.size() + 2;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
          Map<Status, Integer> counts = stores.reports().counts();
          int total = counts.values().stream().mapToInt(Integer::intValue).sum();
          if (total >= expectedRows && counts.get(Status.PENDING) == 0 && counts.get(Status.ATTEMPTING) == 0) {
            assertThat(counts.get(Status.SENT)).as("%s", counts).isEqualTo(expectedRows);
            break;
          }
          for (int i = 0; i < 2; i++) {
            assertThat(instances.get(i).isAlive()).as("instance %d runs; log:%n%s", i, RunInstance.tail(logs.get(i), 60))
                .isTrue();
          }
          assertThat(System.nanoTime()).as("drained within 4 minutes (%s); logs:%n%s%n%s", counts,
              RunInstance.tail(logs.get(0), 60), RunInstance.tail(logs.get(1), 60)).isLessThan(deadline);
          Thread.sleep(100);
        }
      } finally {
        for (Process p : instances) {
          p.destroy(); // SIGTERM: run's shutdown hook stops it in order
        }
        for (Process p : instances) {
          if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
          }
        }
        source.stop(0);
      }

      // both instances really were the product on JDA and Bolt
      for (Path log : logs) {
        assertThat(Files.readString(log)).as("%s", log).contains("Discord ready as").contains("Slack: HTTP mode at");
      }

      // the source: asked once per poll slot — never twice within one — and the day found on its third request
      List<Fetch> seenFetches = List.copyOf(fetches);
      assertThat(seenFetches.stream().filter(f -> f.status() == 404).count()).isEqualTo(2);
      assertThat(seenFetches.get(2).status()).isEqualTo(200);
      for (int i = 1; i < seenFetches.size(); i++) {
        long gapMillis = (seenFetches.get(i).nanos() - seenFetches.get(i - 1).nanos()) / 1_000_000;
        assertThat(gapMillis).as("requests %d and %d of %s are in different poll slots (%s apart)", i - 1, i,
            seenFetches, POLL_EVERY).isGreaterThan(POLL_EVERY.toMillis() / 3);
      }

      // Discord: every channel got its post once, each part once (a doubled post would repeat a nonce)
      int discordParts = -1;
      for (int i = 0; i < PER_PLATFORM; i++) {
        List<RecordedCall> posts = discord.calls("POST", "/channels/" + discordChannels.get(i) + "/messages");
        Set<String> nonces = new HashSet<>();
        posts.forEach(p -> nonces.add(p.body().path("nonce").asText()));
        assertThat(posts).as("channel %s", discordChannels.get(i)).isNotEmpty();
        assertThat(nonces).as("channel %s: each part posted once", discordChannels.get(i)).hasSize(posts.size());
        if (discordParts < 0) {
          discordParts = posts.size();
        }
        assertThat(posts).as("every channel got the same post").hasSize(discordParts);
      }
      // Slack: the same, told by the parts' metadata
      int slackParts = -1;
      for (int i = 0; i < PER_PLATFORM; i++) {
        List<PostedMessage> posts = slack.messages("C0S" + i);
        Set<String> parts = new HashSet<>();
        for (PostedMessage m : posts) {
          JsonNode payload = m.metadata().orElseThrow().path("event_payload");
          parts.add(payload.path("key").asText() + "#" + payload.path("part").asText());
          assertThat(payload.path("parts").asInt()).isEqualTo(posts.size());
        }
        assertThat(parts).as("C0S%d: each part posted once", i).hasSize(posts.size());
        if (slackParts < 0) {
          slackParts = posts.size();
        }
        assertThat(posts).as("every channel got the same post").hasSize(slackParts);
      }
      // the alert: once on each platform
      assertThat(slack.messages("C0ALERT")).as("the Slack alert, once").hasSize(1);
      assertThat(slack.messages("C0ALERT").get(0).text()).contains("Video Diffusion at Scale");
      List<RecordedCall> discordAlerts = discord.calls("POST", "/channels/" + discordAlertChannel + "/messages");
      assertThat(discordAlerts).as("the Discord alert, once").hasSize(1);
      assertThat(discordAlerts.get(0).body().toString()).contains("Video Diffusion at Scale");
      System.out.printf("same instant: %d fetches %s; %d Discord + %d Slack channels, %d/%d parts each; alerts once%n",
          seenFetches.size(), seenFetches.stream().map(Fetch::status).toList(), PER_PLATFORM, PER_PLATFORM,
          discordParts, slackParts);
    }
  }
}
