package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.FakeTeam;
import io.paperboy.testkit.slack.RecordedCall;
import io.paperboy.testkit.slack.SlackUpload;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SDK's filesUploadV2 against the fake Slack: getUploadURLExternal, the upload POST, completeUploadExternal")
class FakeSlackUploadTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] chart() throws IOException {
    BufferedImage image = new BufferedImage(40, 16, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 40; x++) {
      for (int y = 0; y < 16; y++) {
        image.setRGB(x, y, (x + y) % 2 == 0 ? Color.BLACK.getRGB() : new Color(250, 200, 10).getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  @DisplayName("a PNG shared to a channel with a comment arrives byte-identical, through exactly Slack's three steps")
  void uploadPng() throws Exception {
    byte[] png = chart();
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER)) {
      MethodsClient client = SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN);

      FilesUploadV2Response response = client.filesUploadV2(r -> r.channel("C1").filename("votes.png")
          .title("Votes this week").fileData(png).initialComment("This week's votes"));

      assertThat(response.isOk()).isTrue();
      assertThat(response.getFile().getId()).startsWith("F");
      assertThat(response.getFile().getTitle()).isEqualTo("Votes this week");
      RecordedCall getUrl = fake.calls("files.getUploadURLExternal").get(0);
      assertThat(getUrl.params()).containsEntry("filename", "votes.png").containsEntry("length", Integer.toString(png.length));
      RecordedCall complete = fake.calls("files.completeUploadExternal").get(0);
      JsonNode files = JSON.readTree(complete.params().get("files"));
      assertThat(files.get(0).path("id").asText()).isEqualTo(response.getFile().getId());
      assertThat(files.get(0).path("title").asText()).isEqualTo("Votes this week");
      assertThat(complete.params()).containsEntry("channel_id", "C1").containsEntry("initial_comment", "This week's votes");

      SlackUpload upload = fake.defaultTeam().uploads("C1").get(0);
      assertThat(upload.bytes()).isEqualTo(png);
      assertThat(upload.filename()).isEqualTo("votes.png");
      assertThat(upload.initialComment()).contains("This week's votes");
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(upload.bytes()));
      assertThat(decoded.getWidth()).isEqualTo(40);
      assertThat(new Color(decoded.getRGB(1, 0))).isEqualTo(new Color(250, 200, 10));

      // the share is a message in the channel, with the file
      var history = client.conversationsHistory(r -> r.channel("C1"));
      assertThat(history.getMessages()).singleElement().satisfies(m -> {
        assertThat(m.getText()).isEqualTo("This week's votes");
        assertThat(m.getTs()).isEqualTo(upload.messageTs());
        assertThat(m.getFiles()).singleElement().satisfies(f -> {
          assertThat(f.getId()).isEqualTo(upload.fileId());
          assertThat(f.getMimetype()).isEqualTo("image/png");
        });
      });
    }
  }

  @Test
  @DisplayName("into a thread, and into another workspace's channel with that workspace's token only")
  void threadAndTeams() throws Exception {
    byte[] png = chart();
    try (FakeSlack fake = FakeSlack.start()) {
      FakeTeam second = fake.addTeam("T0SECOND", "Second Workspace").channel("C2", FakeSlack.Membership.MEMBER);
      MethodsClient client = SlackClients.create(fake.apiUrl()).methods(fake.botToken(second.id()));
      String root = client.chatPostMessage(r -> r.channel("C2").text("Daily Papers")).getTs();

      FilesUploadV2Response response = client.filesUploadV2(r -> r.channel("C2").threadTs(root).filename("c.png").fileData(png));

      assertThat(response.isOk()).isTrue();
      assertThat(second.uploads("C2")).singleElement().satisfies(u -> {
        assertThat(u.threadTs()).isEqualTo(Optional.of(root));
        assertThat(u.teamId()).isEqualTo("T0SECOND");
        assertThat(u.bytes()).isEqualTo(png);
      });
      assertThat(fake.defaultTeam().uploads()).isEmpty();
      MethodsClient wrongTeam = SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN);
      assertThatThrownBy(() -> wrongTeam.filesUploadV2(r -> r.channel("C2").filename("c.png").fileData(png)))
          .isInstanceOfSatisfying(SlackFilesUploadV2Exception.class,
              e -> assertThat(e.getCompleteResponse().getError()).isEqualTo("channel_not_found"));
    }
  }

  @Test
  @DisplayName("a channel the bot is not in: completeUploadExternal answers not_in_channel and nothing is shared")
  void notInChannel() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C3", FakeSlack.Membership.NOT_IN_CHANNEL)) {
      MethodsClient client = SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN);
      byte[] png = chart();
      assertThatThrownBy(() -> client.filesUploadV2(r -> r.channel("C3").filename("c.png").fileData(png)))
          .isInstanceOfSatisfying(SlackFilesUploadV2Exception.class,
              e -> assertThat(e.getCompleteResponse().getError()).isEqualTo("not_in_channel"));
      assertThat(fake.defaultTeam().uploads()).isEmpty();
      assertThat(fake.messages("C3")).isEmpty();
    }
  }
}
