package io.paperboy.bot.similar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.discord.DiscordBot;
import io.paperboy.discord.DiscordSettings;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.slack.SlackAdapter;
import io.paperboy.slack.SlackSettings;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeInteraction;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.SignedRequests;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code /similar} of the composition root on the seed digests, asked through real JDA
 * and real Bolt against the loopback fakes: the cards and their reasons arrive on both platforms.
 */
@DisplayName("/similar end to end: the seeds' neighbours through JDA and Bolt to the fakes")
class SimilarOnPlatformsTest {

  private static final Path SEEDS = Path.of(System.getProperty("paperboy.projectSeeds", "../seeds"));
  private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  /** A guard against a hang, not a timing assertion. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private Paperboy app;

  @BeforeEach
  void open() {
    app = Paperboy.open(PaperboyConfig.defaults().withDatabase(dir.resolve("paperboy.db").toString()), Clock.systemUTC());
    app.ingest(List.of(SEEDS), IngestProgress.NONE);
  }

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  @DisplayName("Discord: deferred, then a follow-up with the header, the cards and their reasons")
  void discord() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(DiscordBot.invitePermissions());
         DiscordBot bot = DiscordBot.start(new DiscordSettings("fake-token", fake.apiUrl(), fake.gatewayUrl()),
             app.commands(), app.clock(), WAIT)) {
      String id = fake.send(FakeInteraction.slash("similar").option("id", "2406.04325").option("n", 3));

      assertThat(fake.awaitCallback(id).body().path("type").asInt()).as("heavy: deferred at once").isEqualTo(5);
      RecordedCall followUp = fake.await("POST", "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + id);
      assertThat(followUp.status()).isEqualTo(200);
      String json = followUp.body().toString();
      assertThat(followUp.body().path("content").asText()).startsWith("## Similar to 2406.04325: ShareGPT4Video");
      assertThat(json).contains("VideoCon: Robust Video-Language Alignment via Contrast Captions",
          "Shares: 캡션, 비디오, Captions · 30% alike");
    }
  }

  @Test
  @DisplayName("Slack: the header, the cards and a context line with the reason for each")
  void slack() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C0PAPERS", FakeSlack.Membership.MEMBER)
        .user("U0MEMBER", false, false)) {
      SlackSettings settings = new SlackSettings(Optional.of(FakeSlack.BOT_TOKEN), Optional.empty(),
          Optional.of(SIGNING_SECRET), fake.apiUrl(), "127.0.0.1", 0, Map.of(), Set.of());
      try (SlackAdapter slack = SlackAdapter.start(settings, app.commands(), app.clock())) {
        URI events = slack.eventsUrl().orElseThrow();
        SignedRequests.Answer ack = new SignedRequests(SIGNING_SECRET).post(events,
            SignedRequests.slashCommand("/similar", "2406.04325 n:3", "U0MEMBER", "C0PAPERS", fake.responseUrl("s-1")));
        assertThat(ack.statusCode()).isEqualTo(200);

        JsonNode response = fake.awaitResponses("s-1", 1, WAIT).get(0);
        assertThat(response.path("blocks").get(0).path("text").path("text").asText())
            .startsWith("Similar to 2406.04325: ShareGPT4Video");
        assertThat(response.toString()).contains("VideoCon", "Shares: 캡션, 비디오, Captions · 30% alike");
      }
    }
  }
}
