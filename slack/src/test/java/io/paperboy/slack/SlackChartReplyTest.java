package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.RecordedCall;
import io.paperboy.testkit.slack.SignedRequests;
import io.paperboy.testkit.slack.SlackUpload;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/**
 * A command answering with an attached chart, through real Bolt in HTTP mode and the fake Slack:
 * the text goes through the response_url in the channel, the PNG through Slack's file upload API
 * ({@code files.getUploadURLExternal}, the upload, {@code files.completeUploadExternal}) into the
 * same channel; where Slack refuses the file, or the answer is only for the asker, the asker gets
 * the chart's text version instead.
 */
@DisplayName("Slack: a chart answer is shared into the channel through the file upload API")
class SlackChartReplyTest {

  private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String MEMBER_CHANNEL = "C0PAPERS";
  private static final String OUTSIDE_CHANNEL = "C0OUTSIDE";
  private static final int WIDTH = 90;
  private static final int HEIGHT = 40;

  private FakeSlack fake;
  private CommandService service;
  private SlackHttpServer server;
  private final SignedRequests requests = new SignedRequests(SIGNING_SECRET);
  private byte[] png;

  @BeforeEach
  void start() throws Exception {
    png = png();
    fake = FakeSlack.start()
        .channel(MEMBER_CHANNEL, FakeSlack.Membership.MEMBER)
        .channel(OUTSIDE_CHANNEL, FakeSlack.Membership.NOT_IN_CHANNEL)
        .user("U0MEMBER", false, false);
    SlackSettings settings = new SlackSettings(Optional.of(FakeSlack.BOT_TOKEN), Optional.empty(),
        Optional.of(SIGNING_SECRET), fake.apiUrl(), "127.0.0.1", 0, Map.of(), Set.of());
    service = new CommandService(new CommandRegistry(List.of(new Chart("chart", false), new Chart("secretchart", true))));
    SlackBot bot = new SlackBot(settings, service, SlackClients.create(fake.apiUrl()), Clock.systemUTC());
    server = SlackHttpServer.start(bot, "127.0.0.1", 0, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    try {
      server.close();
    } finally {
      service.close();
      fake.close();
    }
  }

  private byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < WIDTH; x++) {
      for (int y = 0; y < HEIGHT; y++) {
        image.setRGB(x, y, y < HEIGHT / 2 ? Color.WHITE.getRGB() : new Color(255, 127, 14).getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private final class Chart implements Command {
    private final String name;
    private final boolean ephemeral;

    Chart(String name, boolean ephemeral) {
      this.name = name;
      this.ephemeral = ephemeral;
    }

    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of(name, "Draw a chart");
    }

    @Override
    public Message handle(CommandRequest request) {
      return Message.builder()
          .header("Trend: 확산 vs diffusion")
          .add(new Block.Attachment("trend.png", png, "Line chart: 확산 41 papers, diffusion 12 papers",
              List.of("확산       ▁▂▃█  41 papers", "diffusion  ▁▁▂▃  12 papers")))
          .context("Papers per week by the day a digest first listed them.")
          .ephemeral(ephemeral)
          .build();
    }
  }

  private SignedRequests.Answer command(String command, String channel, String responseId) throws IOException {
    return requests.post(server.eventsUrl(),
        SignedRequests.slashCommand(command, "", "U0MEMBER", channel, fake.responseUrl(responseId)));
  }

  private static String text(JsonNode response) {
    StringBuilder sb = new StringBuilder(response.path("text").asText());
    for (JsonNode block : response.path("blocks")) {
      sb.append('\n').append(block.path("text").path("text").asText());
      for (JsonNode e : block.path("elements")) {
        sb.append('\n').append(e.path("text").asText());
      }
    }
    return sb.toString();
  }

  @Test
  @DisplayName("in a channel the bot is in: the text in the channel, then the PNG shared there with its title and alt text")
  void sharedIntoTheChannel() throws Exception {
    SignedRequests.Answer ack = command("/chart", MEMBER_CHANNEL, "chart-1");
    assertThat(ack.statusCode()).isEqualTo(200);

    JsonNode response = fake.awaitResponses("chart-1", 1, Duration.ofSeconds(10)).get(0);
    assertThat(response.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(text(response)).contains("Trend: 확산 vs diffusion", "Papers per week").doesNotContain("▁▂▃█");

    SlackUpload upload = awaitUpload(MEMBER_CHANNEL);
    assertThat(upload.filename()).isEqualTo("trend.png");
    assertThat(upload.title()).isEqualTo("Trend: 확산 vs diffusion");
    assertThat(upload.bytes()).isEqualTo(png);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(upload.bytes()));
    assertThat(decoded.getWidth()).isEqualTo(WIDTH);
    assertThat(decoded.getHeight()).isEqualTo(HEIGHT);
    assertThat(new Color(decoded.getRGB(0, HEIGHT - 1))).isEqualTo(new Color(255, 127, 14));

    RecordedCall getUrl = fake.calls("files.getUploadURLExternal").get(0);
    assertThat(getUrl.params()).containsEntry("filename", "trend.png")
        .containsEntry("length", Integer.toString(png.length))
        .containsEntry("alt_txt", "Line chart: 확산 41 papers, diffusion 12 papers");
    assertThat(fake.calls("files.completeUploadExternal").get(0).params()).containsEntry("channel_id", MEMBER_CHANNEL);
    // the share is a message of the channel, with the file
    assertThat(fake.messages(MEMBER_CHANNEL)).hasSize(1);
  }

  @Test
  @DisplayName("in a channel the bot is not in: Slack refuses the file; the asker alone gets the text version and why")
  void refusedFile() throws Exception {
    command("/chart", OUTSIDE_CHANNEL, "chart-2");

    List<JsonNode> responses = fake.awaitResponses("chart-2", 2, Duration.ofSeconds(10));
    assertThat(responses.get(0).path("response_type").asText()).isEqualTo("in_channel");
    JsonNode fallback = responses.get(1);
    assertThat(fallback.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(text(fallback)).contains("not_in_channel", "/invite @Paperboy", "```\n확산       ▁▂▃█  41 papers\n"
        + "diffusion  ▁▁▂▃  12 papers\n```");
    assertThat(fake.defaultTeam().uploads()).isEmpty();
    assertThat(fake.calls("files.completeUploadExternal")).singleElement()
        .satisfies(c -> assertThat(c.ok()).isFalse());
  }

  @Test
  @DisplayName("an answer only the asker sees carries no file (a share is public): the text version and a note")
  void ephemeralAnswer() throws Exception {
    command("/secretchart", MEMBER_CHANNEL, "chart-3");

    JsonNode response = fake.awaitResponses("chart-3", 1, Duration.ofSeconds(10)).get(0);
    assertThat(response.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(text(response)).contains("Trend: 확산 vs diffusion", "▁▂▃█  41 papers",
        "Slack cannot show an image in a message only you see; here it is as text.").doesNotContain("_Slack");
    assertThat(fake.calls("files.getUploadURLExternal")).isEmpty();
    assertThat(fake.defaultTeam().uploads()).isEmpty();
  }

  private SlackUpload awaitUpload(String channel) throws InterruptedException {
    // a guard against a hang, not a timing assertion: the upload follows the response
    List<SlackUpload> uploads = fake.defaultTeam().awaitUploads(channel, 1, Duration.ofSeconds(10));
    assertThat(uploads).hasSize(1);
    return uploads.get(0);
  }
}
