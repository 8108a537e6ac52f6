package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.net.NoDelaySocketFactory;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeInteraction;
import io.paperboy.testkit.discord.FilePart;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.discord.UploadedFile;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.FileUpload;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JDA uploads a PNG shown in an embed (attachment://chart.png) to the fake: bytes arrive intact")
class FakeDiscordAttachmentTest {

  @RegisterExtension
  static final LogGuard logs = new LogGuard();

  private static final int WIDTH = 48;
  private static final int HEIGHT = 20;
  private static FakeDiscord fake;
  private static JDA jda;
  private static byte[] png;

  @BeforeAll
  static void start() throws Exception {
    png = chart();
    fake = FakeDiscord.start(JdaAgainstFake.BOT_PERMISSIONS);
    jda = JdaAgainstFake.jda(fake, new ListenerAdapter() {
      @Override
      public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        MessageEmbed embed = chartEmbed();
        switch (event.getName()) {
          case "reply" -> event.replyEmbeds(embed).addFiles(FileUpload.fromData(png, "chart.png")).queue();
          case "later" -> event.deferReply().queue(hook -> hook.sendMessageEmbeds(embed)
              .addFiles(FileUpload.fromData(png, "chart.png")).queue());
          case "edit" -> event.deferReply().queue(hook -> hook.editOriginalEmbeds(embed)
              .setFiles(FileUpload.fromData(png, "chart.png")).queue());
          default -> event.reply("?").queue();
        }
      }
    });
  }

  @AfterAll
  static void stop() {
    JdaAgainstFake.close(jda);
    fake.close();
  }

  /** A small PNG with a known size and a known pixel. */
  private static byte[] chart() throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < WIDTH; x++) {
      for (int y = 0; y < HEIGHT; y++) {
        image.setRGB(x, y, x < WIDTH / 2 ? Color.WHITE.getRGB() : new Color(30, 120, 200).getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static MessageEmbed chartEmbed() {
    return new EmbedBuilder().setTitle("Votes this week").setImage("attachment://chart.png").build();
  }

  private static void assertSameChart(byte[] bytes) throws IOException {
    assertThat(bytes).isEqualTo(png);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(decoded.getWidth()).isEqualTo(WIDTH);
    assertThat(decoded.getHeight()).isEqualTo(HEIGHT);
    assertThat(new Color(decoded.getRGB(WIDTH - 1, 0))).isEqualTo(new Color(30, 120, 200));
  }

  @Test
  @DisplayName("a channel message: multipart payload_json + files[0]; the answer lists the attachment and the embed points at it")
  void channelMessage() throws Exception {
    Message sent = jda.getTextChannelById(FakeDiscord.TEXT_CHANNEL_ID).sendMessageEmbeds(chartEmbed())
        .addFiles(FileUpload.fromData(png, "chart.png")).submit().get(20, TimeUnit.SECONDS);

    RecordedCall call = fake.calls("POST", "/channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages").stream()
        .filter(c -> c.status() == 200).reduce((a, b) -> b).orElseThrow();
    assertThat(call.headers().get("Content-Type")).startsWith("multipart/form-data");
    assertThat(call.files()).extracting(FilePart::name, FilePart::filename).containsExactly(
        org.assertj.core.groups.Tuple.tuple("files[0]", "chart.png"));
    assertThat(call.body().at("/attachments/0/filename").asText()).isEqualTo("chart.png");
    assertThat(call.body().at("/embeds/0/image/url").asText()).isEqualTo("attachment://chart.png");

    List<UploadedFile> uploads = fake.uploads(FakeDiscord.TEXT_CHANNEL_ID).stream()
        .filter(u -> u.messageId().equals(sent.getId())).toList();
    assertThat(uploads).singleElement().satisfies(u -> assertThat(u.filename()).isEqualTo("chart.png"));
    assertSameChart(uploads.get(0).bytes());

    Message.Attachment attachment = sent.getAttachments().get(0);
    assertThat(attachment.getFileName()).isEqualTo("chart.png");
    assertThat(attachment.getSize()).isEqualTo(png.length);
    assertThat(attachment.getWidth()).isEqualTo(WIDTH);
    assertThat(attachment.getHeight()).isEqualTo(HEIGHT);
    assertThat(attachment.isImage()).isTrue();
    assertThat(sent.getEmbeds().get(0).getImage().getUrl()).isEqualTo(attachment.getUrl());
    assertThat(sent.getEmbeds().get(0).getImage().getWidth()).isEqualTo(WIDTH);

    OkHttpClient http = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()).build();
    try (Response r = http.newCall(new Request.Builder().url(attachment.getUrl()).build()).execute()) {
      assertThat(r.header("Content-Type")).isEqualTo("image/png");
      assertSameChart(r.body().bytes());
    }
  }

  @Test
  @DisplayName("a slash command's reply with the chart: the callback is multipart, the file lands in the interaction's channel")
  void interactionReply() throws Exception {
    String id = fake.send(FakeInteraction.slash("reply"));
    RecordedCall callback = fake.awaitCallback(id);

    assertThat(callback.status()).isEqualTo(200);
    assertThat(callback.body().path("type").asInt()).isEqualTo(4);
    assertThat(callback.body().at("/data/embeds/0/image/url").asText()).isEqualTo("attachment://chart.png");
    assertThat(callback.files()).hasSize(1);
    assertSameChart(callback.files().get(0).bytes());
    assertThat(fake.uploads()).anySatisfy(u -> {
      assertThat(u.channelId()).isEqualTo(FakeDiscord.TEXT_CHANNEL_ID);
      assertThat(u.filename()).isEqualTo("chart.png");
    });
  }

  @Test
  @DisplayName("after a defer: a follow-up with the chart, and an edit of the original that sets it")
  void followUpAndEdit() throws Exception {
    String later = fake.send(FakeInteraction.slash("later"));
    RecordedCall followUp = fake.await("POST", "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + later);
    assertThat(followUp.status()).isEqualTo(200);
    assertSameChart(followUp.files().get(0).bytes());

    String edit = fake.send(FakeInteraction.slash("edit"));
    RecordedCall patched = fake.await("PATCH", "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + edit + "/messages/(@|%40)original");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().at("/embeds/0/image/url").asText()).isEqualTo("attachment://chart.png");
    assertSameChart(patched.files().get(0).bytes());
  }
}
