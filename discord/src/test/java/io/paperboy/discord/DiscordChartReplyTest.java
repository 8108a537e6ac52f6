package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.Workload;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeInteraction;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.discord.UploadedFile;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A command answering with an attached chart, through the real bot (command service, interaction
 * replies, renderer, JDA) and the fake: the PNG travels as a multipart file of the reply or of
 * the follow-up after a deferral, and the embed shows it as {@code attachment://trend.png}.
 */
@DisplayName("Discord: a chart answer is a multipart message whose PNG the embed shows")
class DiscordChartReplyTest {

  @RegisterExtension
  static final LogGuard logs = new LogGuard();

  private static final int WIDTH = 120;
  private static final int HEIGHT = 60;
  private static byte[] png;
  private static FakeDiscord fake;
  private static CommandService service;
  private static DiscordBot bot;

  @BeforeAll
  static void start() throws Exception {
    png = png();
    fake = FakeDiscord.start(Permission.getRaw(DiscordPermissions.required()));
    service = new CommandService(new CommandRegistry(List.of(
        new Chart("chart", Workload.LIGHT, false), new Chart("slowchart", Workload.HEAVY, false),
        new Chart("secretchart", Workload.LIGHT, true))));
    bot = DiscordFixture.connect(fake, service);
  }

  @AfterAll
  static void stop() {
    try {
      bot.close();
    } finally {
      service.close();
      fake.close();
    }
  }

  /** A chart with a known size and a known pixel. */
  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < WIDTH; x++) {
      for (int y = 0; y < HEIGHT; y++) {
        image.setRGB(x, y, x < WIDTH / 2 ? Color.WHITE.getRGB() : new Color(31, 119, 180).getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static Message chartMessage(boolean ephemeral) {
    return Message.builder()
        .header("Trend: 확산 vs diffusion")
        .add(new Block.Attachment("trend.png", png, "Line chart: 확산 41 papers", List.of("확산  ▁▂▃█  41 papers")))
        .context("Papers per week by the day a digest first listed them.")
        .ephemeral(ephemeral)
        .build();
  }

  private static final class Chart implements Command {
    private final String name;
    private final Workload workload;
    private final boolean ephemeral;

    Chart(String name, Workload workload, boolean ephemeral) {
      this.name = name;
      this.workload = workload;
      this.ephemeral = ephemeral;
    }

    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of(name, "Draw a chart");
    }

    @Override
    public Workload workload() {
      return workload;
    }

    @Override
    public Message handle(CommandRequest request) {
      return chartMessage(ephemeral);
    }
  }

  private static void assertTheChart(byte[] bytes) {
    assertThat(bytes).isEqualTo(png);
    try {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(decoded.getWidth()).isEqualTo(WIDTH);
      assertThat(decoded.getHeight()).isEqualTo(HEIGHT);
      assertThat(new Color(decoded.getRGB(WIDTH - 1, 0))).isEqualTo(new Color(31, 119, 180));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message part of a callback or follow-up: the header as content, the chart embed, the file. */
  private static void assertChartPayload(RecordedCall call, JsonNode data) {
    assertThat(call.headers().get("Content-Type")).startsWith("multipart/form-data");
    assertThat(data.path("content").asText()).isEqualTo("## Trend: 확산 vs diffusion");
    assertThat(data.at("/embeds/0/image/url").asText()).isEqualTo("attachment://trend.png");
    assertThat(data.at("/attachments/0/filename").asText()).isEqualTo("trend.png");
    assertThat(data.at("/attachments/0/description").asText()).isEqualTo("Line chart: 확산 41 papers");
    assertThat(data.at("/embeds/1/description").asText()).contains("Papers per week");
    assertThat(call.files()).singleElement().satisfies(f -> {
      assertThat(f.filename()).isEqualTo("trend.png");
      assertTheChart(f.bytes());
    });
  }

  @Test
  @DisplayName("answered at once: the interaction reply itself is multipart and carries the PNG")
  void reply() {
    String id = fake.send(FakeInteraction.slash("chart"));

    RecordedCall callback = fake.awaitCallback(id);
    assertThat(callback.status()).isEqualTo(200);
    assertThat(callback.body().path("type").asInt()).isEqualTo(4);
    assertChartPayload(callback, callback.body().path("data"));
    assertThat(callback.body().at("/data/flags").asInt() & 64).as("public").isZero();
    List<UploadedFile> uploads = fake.uploads(FakeDiscord.TEXT_CHANNEL_ID).stream()
        .filter(u -> u.bytes().length == png.length).toList();
    assertThat(uploads).isNotEmpty();
    assertTheChart(uploads.get(uploads.size() - 1).bytes());
  }

  @Test
  @DisplayName("deferred: the follow-up through the interaction hook is multipart and carries the PNG")
  void followUp() {
    String id = fake.send(FakeInteraction.slash("slowchart"));

    assertThat(fake.awaitCallback(id).body().path("type").asInt()).as("deferred").isEqualTo(5);
    RecordedCall followUp = fake.await("POST", "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + id);
    assertThat(followUp.status()).isEqualTo(200);
    assertChartPayload(followUp, followUp.body());
  }

  @Test
  @DisplayName("ephemeral: Discord takes files in an ephemeral reply too, flagged 64")
  void ephemeral() {
    String id = fake.send(FakeInteraction.slash("secretchart"));

    RecordedCall callback = fake.awaitCallback(id);
    assertThat(callback.body().at("/data/flags").asInt() & 64).isEqualTo(64);
    assertChartPayload(callback, callback.body().path("data"));
  }

  @Test
  @DisplayName("the renderer keeps each file with its embed: eleven charts make two messages of at most ten files")
  void manyCharts() {
    Message.Builder b = Message.builder().header("Charts");
    for (int i = 0; i < 11; i++) {
      b.add(new Block.Attachment("chart-" + i + ".png", png, "chart " + i, List.of()));
    }

    List<MessageCreateData> parts = new DiscordRenderer().render(b.build());

    assertThat(parts).hasSize(2);
    List<String> files = new ArrayList<>();
    for (MessageCreateData part : parts) {
      assertThat(part.getFiles()).hasSizeLessThanOrEqualTo(10);
      assertThat(part.getEmbeds()).extracting(e -> e.getImage().getUrl())
          .containsExactlyElementsOf(part.getFiles().stream().map(f -> "attachment://" + f.getName()).toList());
      part.getFiles().stream().map(FileUpload::getName).forEach(files::add);
    }
    assertThat(files).hasSize(11).doesNotHaveDuplicates();
  }
}
