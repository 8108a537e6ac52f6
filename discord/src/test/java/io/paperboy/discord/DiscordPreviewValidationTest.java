package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.core.message.Block.PaperCard;
import io.paperboy.core.message.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The "done" check: the preview of the hardest days validates against Discord's OpenAPI
 * limits ({@link DiscordPayloadValidator}) and the 6,000-character rule, with every paper present.
 */
@DisplayName("preview --platform discord validates against Discord's OpenAPI description")
class DiscordPreviewValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("the hardest written day: 70 papers, 1,000 authors, 256+ character titles, & < $ in titles")
  void hardestDay() throws Exception {
    List<PaperCard> cards = new ArrayList<>(TestPapers.hardestDay());
    cards.add(TestPapers.card(71, "<script>alert(1)</script> & $\\mathbf{x}$ \"quoted\" `code` \\ backslash",
        "- plain", List.of("Ä Ö", "Ω"), Optional.of(0)));
    assertValid(TestPapers.dailyPost(TestPapers.DAY, cards), cards);
  }

  @Test
  @DisplayName("every real sample day that is available (paperboy.sharedSeeds / projectSeeds)")
  void realDays() throws Exception {
    List<Path> days = SeedDays.available();
    assumeFalse(days.isEmpty(), "no seed days on this machine");
    for (Path day : days) {
      List<PaperCard> cards = SeedDays.read(day);
      assertThat(cards).as(day.toString()).isNotEmpty();
      assertValid(TestPapers.dailyPost(SeedDays.date(day), cards), cards);
    }
  }

  private static void assertValid(Message post, List<PaperCard> cards) throws Exception {
    JsonNode bodies = JSON.readTree(DiscordPreview.previewJson(post));
    assertThat(bodies.isArray()).isTrue();
    List<String> footers = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      JsonNode body = bodies.get(i);
      assertThat(DiscordPayloadValidator.validate(body)).as("message %d of %d", i + 1, bodies.size()).isEmpty();
      assertThat(body.at("/allowed_mentions/parse")).isEmpty();
      body.path("embeds").forEach(e -> {
        if (e.has("footer")) {
          footers.add(e.at("/footer/text").asText());
        }
      });
    }
    assertThat(footers).containsExactlyElementsOf(cards.stream().map(c -> "arXiv:" + c.arxivId()).toList());
  }

  @Test
  @DisplayName("the validator itself rejects what Discord would reject")
  void validatorRejects() throws Exception {
    String tooMuch = "x".repeat(4097);
    JsonNode bad = JSON.readTree("""
        {"content":"%s","embeds":[{"title":"%s","description":"%s","url":"not a url",
         "fields":[{"name":"n"}],"colour":1}],"allowed_mentions":{"parse":["everybody"]},"nonce":"%s"}
        """.formatted("c".repeat(2001), "t".repeat(257), tooMuch, "n".repeat(26)));
    assertThat(String.join("\n", DiscordPayloadValidator.validate(bad))).contains(
        "$.content: 2001 > 2000", "$.embeds[0].title: 257 > maxLength 256", "$.embeds[0].description: 4097 > maxLength 4096",
        "$.embeds[0].url: not a URI", "$.embeds[0].fields[0]: missing required value", "unknown field colour",
        "unknown type \"everybody\"", "$.nonce: 26 > maxLength 25");
    JsonNode tooLong = JSON.readTree("{\"embeds\":[{\"description\":\"%s\"},{\"description\":\"%s\"}]}"
        .formatted("a".repeat(4000), "b".repeat(2001)));
    assertThat(DiscordPayloadValidator.validate(tooLong)).containsExactly("$.embeds: 6001 characters in all embeds > 6000");
  }
}
