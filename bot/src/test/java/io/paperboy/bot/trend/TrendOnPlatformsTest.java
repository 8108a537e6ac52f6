package io.paperboy.bot.trend;

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
import io.paperboy.testkit.slack.SlackUpload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code /trend} of the composition root on the seed digests, asked through real JDA and
 * real Bolt against the loopback fakes: the chart arrives as a PNG on both platforms.
 */
@DisplayName("/trend end to end: the seeds' chart through JDA and Bolt to the fakes")
class TrendOnPlatformsTest {

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

  private static void assertChart(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(600);
  }

  @Test
  @DisplayName("Discord: deferred, then a multipart follow-up whose PNG the embed shows")
  void discord() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(DiscordBot.invitePermissions());
         DiscordBot bot = DiscordBot.start(new DiscordSettings("fake-token", fake.apiUrl(), fake.gatewayUrl()),
             app.commands(), app.clock(), WAIT)) {
      String id = fake.send(FakeInteraction.slash("trend").option("query", "모델").option("vs", "diffusion"));

      assertThat(fake.awaitCallback(id).body().path("type").asInt()).as("heavy: deferred at once").isEqualTo(5);
      RecordedCall followUp = fake.await("POST", "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + id);
      assertThat(followUp.status()).isEqualTo(200);
      assertThat(followUp.headers().get("Content-Type")).startsWith("multipart/form-data");
      JsonNode body = followUp.body();
      assertThat(body.path("content").asText()).isEqualTo("## Trend: 모델 vs diffusion");
      assertThat(body.at("/embeds/0/image/url").asText()).isEqualTo("attachment://trend.png");
      assertThat(body.at("/attachments/0/description").asText()).startsWith("Line chart of papers per week");
      assertThat(followUp.files()).singleElement().satisfies(f -> assertThat(f.filename()).isEqualTo("trend.png"));
      assertChart(followUp.files().get(0).bytes());
    }
  }

  @Test
  @DisplayName("Slack: the text answers in the channel, the PNG is shared there through the upload API")
  void slack() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C0PAPERS", FakeSlack.Membership.MEMBER)
        .user("U0MEMBER", false, false)) {
      SlackSettings settings = new SlackSettings(Optional.of(FakeSlack.BOT_TOKEN), Optional.empty(),
          Optional.of(SIGNING_SECRET), fake.apiUrl(), "127.0.0.1", 0, Map.of(), Set.of());
      try (SlackAdapter slack = SlackAdapter.start(settings, app.commands(), app.clock())) {
        URI events = slack.eventsUrl().orElseThrow();
        SignedRequests.Answer ack = new SignedRequests(SIGNING_SECRET).post(events,
            SignedRequests.slashCommand("/trend", "모델 vs:diffusion", "U0MEMBER", "C0PAPERS", fake.responseUrl("t-1")));
        assertThat(ack.statusCode()).isEqualTo(200);

        JsonNode response = fake.awaitResponses("t-1", 1, WAIT).get(0);
        assertThat(response.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(response.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("Trend: 모델 vs diffusion");
        List<SlackUpload> uploads = fake.defaultTeam().awaitUploads("C0PAPERS", 1, WAIT);
        assertThat(uploads).singleElement().satisfies(u -> {
          assertThat(u.filename()).isEqualTo("trend.png");
          assertThat(u.title()).isEqualTo("Trend: 모델 vs diffusion");
        });
        assertChart(uploads.get(0).bytes());
        assertThat(fake.calls("files.getUploadURLExternal").get(0).params().get("alt_txt"))
            .startsWith("Line chart of papers per week");
      }
    }
  }
}
