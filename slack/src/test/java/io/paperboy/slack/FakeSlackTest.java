package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.paperboy.testkit.slack.BlockKitValidator;
import io.paperboy.testkit.slack.FakeSlack;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fake Slack rejects what Slack rejects, in Slack's words")
class FakeSlackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("blocks over Slack's limits get invalid_blocks with json-pointer errors, through the real client")
  void invalidBlocks() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER)) {
      MethodsClient client = SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN);
      String tooLong = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "x".repeat(3_001) + "\"}}]";

      ChatPostMessageResponse response = client.chatPostMessage(r -> r.channel("C1").text("t").blocksAsString(tooLong));

      assertThat(response.isOk()).isFalse();
      assertThat(response.getError()).isEqualTo("invalid_blocks");
      assertThat(response.getErrors()).containsExactly("must be less than 3001 characters [json-pointer:/blocks/0/text/text]");
      assertThat(fake.messages("C1")).isEmpty();
    }
  }

  @Test
  @DisplayName("the validator: 50 blocks, header 150, context 10 elements, empty text, image URLs")
  void validator() throws Exception {
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 51; i++) {
      many.append(i == 0 ? "" : ",").append("{\"type\":\"divider\"}");
    }
    JsonNode fiftyOne = JSON.readTree(many.append("]").toString());
    JsonNode header = JSON.readTree("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + "h".repeat(151) + "\"}}]");
    JsonNode context = JSON.readTree("[{\"type\":\"context\",\"elements\":["
        + "{\"type\":\"plain_text\",\"text\":\"a\"},".repeat(10) + "{\"type\":\"plain_text\",\"text\":\"\"}]}]");
    JsonNode image = JSON.readTree("[{\"type\":\"image\",\"image_url\":\"not a url\",\"alt_text\":\"x\"}]");

    assertThat(BlockKitValidator.validate(fiftyOne)).containsExactly("no more than 50 items allowed [json-pointer:/blocks]");
    assertThat(BlockKitValidator.validate(header)).containsExactly("must be less than 151 characters [json-pointer:/blocks/0/text/text]");
    assertThat(BlockKitValidator.validate(context)).containsExactly(
        "no more than 10 items allowed [json-pointer:/blocks/0/elements]",
        "must be more than 0 characters [json-pointer:/blocks/0/elements/10/text]");
    assertThat(BlockKitValidator.validate(image)).containsExactly("must be a valid URL [json-pointer:/blocks/0/image_url]");
  }

  @Test
  @DisplayName("blocks whose text together passes the ceiling get msg_blocks_too_long")
  void tooLongTogether() throws Exception {
    try (FakeSlack fake = FakeSlack.start().channel("C1", FakeSlack.Membership.MEMBER)) {
      MethodsClient client = SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN);
      StringBuilder blocks = new StringBuilder("[");
      for (int i = 0; i < 5; i++) {
        blocks.append(i == 0 ? "" : ",").append("{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"")
            .append("y".repeat(2_500)).append("\"}}");
      }

      ChatPostMessageResponse response = client.chatPostMessage(r -> r.channel("C1").text("t")
          .blocksAsString(blocks.append("]").toString()));

      assertThat(response.getError()).isEqualTo("msg_blocks_too_long");
    }
  }
}
