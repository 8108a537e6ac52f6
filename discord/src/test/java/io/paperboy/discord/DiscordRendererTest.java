package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Block.PaperCard;
import io.paperboy.core.message.Mention;
import io.paperboy.core.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("DiscordRenderer")
class DiscordRendererTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DiscordRenderer renderer = new DiscordRenderer();

  @Test
  @DisplayName("splits the largest real-shaped day into messages within every limit, keeping all 70 papers in order")
  void hardestDay() throws Exception {
    // GIVEN 70 papers with long summaries, a 1,000-author list and 256+ character titles
    List<PaperCard> cards = TestPapers.hardestDay();

    // WHEN the day's post is rendered
    List<MessageCreateData> messages = renderer.render(TestPapers.dailyPost(TestPapers.DAY, cards));

    // THEN every message is valid and together they hold every paper, in rank order
    assertThat(messages).hasSizeGreaterThan(1);
    List<String> footers = new ArrayList<>();
    for (MessageCreateData m : messages) {
      JsonNode body = JSON.readTree(m.toData().toJson());
      assertThat(DiscordPayloadValidator.validate(body)).as("violations").isEmpty();
      assertThat(m.getEmbeds()).hasSizeLessThanOrEqualTo(10);
      assertThat(m.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum()).isLessThanOrEqualTo(6000);
      for (MessageEmbed e : m.getEmbeds()) {
        if (e.getFooter() != null) {
          footers.add(e.getFooter().getText());
        }
      }
    }
    assertThat(footers).containsExactlyElementsOf(cards.stream().map(c -> "arXiv:" + c.arxivId()).toList());
    assertThat(messages.get(0).getContent()).isEqualTo("## Daily Papers (2024-06-07)");
    MessageEmbed last = messages.get(messages.size() - 1).getEmbeds().get(messages.get(messages.size() - 1).getEmbeds().size() - 1);
    assertThat(last.getDescription()).isEqualTo("*70 papers · Source: Daily Papers digest*");
  }

  @Test
  @DisplayName("packs as many cards per message as fit, never more than 10 embeds")
  void packsTightly() {
    // GIVEN 25 short cards (each far below the 6,000 budget)
    List<PaperCard> cards = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      cards.add(TestPapers.card(i, "Short " + i, "- one point", List.of("A B"), Optional.of(i)));
    }
    List<MessageCreateData> messages = renderer.render(TestPapers.dailyPost(TestPapers.DAY, cards));
    // THEN 10 + 10 + 5 cards, then the context note joins the last message
    assertThat(messages).extracting(m -> m.getEmbeds().size()).containsExactly(10, 10, 6);
  }

  @Test
  @DisplayName("cuts an over-long summary on a line boundary with … and a link to the abstract")
  void longSummary() {
    PaperCard card = TestPapers.card(5, "Long", TestPapers.longSummary(5, 40), List.of("A"), Optional.of(1));
    MessageEmbed embed = single(renderer.render(Message.of(card)));
    assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH)
        .endsWith("\n… [more](https://arxiv.org/abs/2406.04005)")
        .startsWith("- ***What's New 1***:");
    // the kept part is whole bullets
    String kept = embed.getDescription().substring(0, embed.getDescription().lastIndexOf("\n…"));
    assertThat(kept.split("\n")).allMatch(line -> line.startsWith("- ***What's New ") && line.endsWith("확인했다."));
  }

  @Test
  @DisplayName("a single over-long line is cut on a grapheme boundary (Hangul, emoji with modifiers)")
  void graphemeCut() {
    // GIVEN one paragraph of 3,000 family emoji (11 UTF-16 units each) — no line or space to cut at
    String family = "👨‍👩‍👧‍👦";
    PaperCard card = TestPapers.card(1, "Emoji", family.repeat(3000), List.of(), Optional.empty());
    String description = single(renderer.render(Message.of(card))).getDescription();
    String kept = description.substring(0, description.indexOf("… [more]("));
    assertThat(kept.length() % family.length()).isZero();
    assertThat(kept).isNotEmpty();
  }

  @Test
  @DisplayName("shortens a 1,000-author list to five names and a count")
  void authors() {
    PaperCard card = TestPapers.card(2, "Big collab", "- x", TestPapers.authors(1000), Optional.of(3));
    MessageEmbed embed = single(renderer.render(Message.of(card)));
    assertThat(embed.getFields()).filteredOn(f -> "Authors".equals(f.getName())).singleElement()
        .extracting(MessageEmbed.Field::getValue)
        .isEqualTo("Author Number1 Lastname, Author Number2 Lastname, Author Number3 Lastname, "
            + "Author Number4 Lastname, Author Number5 Lastname … et al. (1000 authors)");
  }

  @Test
  @DisplayName("a cut author list ('+') reads '25+ authors' when long, 'et al.' when short")
  void cutAuthors() {
    PaperCard many = TestPapers.card(2, "Big collab", "- x", TestPapers.authors(25), Optional.of(3));
    PaperCard cutMany = new PaperCard(many.arxivId(), many.title(), many.absUrl(), many.summary(), many.votes(),
        many.authors(), true, many.thumbnail(), many.video(), many.dates(), many.rank());
    PaperCard cutFew = new PaperCard(many.arxivId(), many.title(), many.absUrl(), many.summary(), many.votes(),
        List.of("Ge Zhang", "Wenhu Chen"), true, many.thumbnail(), many.video(), many.dates(), many.rank());
    assertThat(authorsField(cutMany)).endsWith("… et al. (25+ authors)");
    assertThat(authorsField(many)).endsWith("… et al. (25 authors)");
    assertThat(authorsField(cutFew)).isEqualTo("Ge Zhang, Wenhu Chen et al.");
  }

  private String authorsField(PaperCard card) {
    return single(renderer.render(Message.of(card))).getFields().stream()
        .filter(f -> "Authors".equals(f.getName())).findFirst().orElseThrow().getValue();
  }

  @Test
  @DisplayName("draws a card: linked title with readable LaTeX, fields, footer, thumbnail as image")
  void card() {
    PaperCard card = new PaperCard("2406.04325", "Scaling 10$\\times$ & <More>", "https://arxiv.org/abs/2406.04325",
        "- **Bold** and *italic*", Optional.of(35), List.of("Yu Qiao", "Feng Zhao"),
        Optional.of("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.04325.png"),
        Optional.of("https://example.org/v.mp4"), List.of(TestPapers.DAY, TestPapers.DAY.plusDays(1)), Optional.of(3));
    MessageEmbed embed = single(renderer.render(Message.of(card)));
    assertThat(embed.getTitle()).isEqualTo("#3 Scaling 10× & <More>");
    assertThat(embed.getUrl()).isEqualTo("https://arxiv.org/abs/2406.04325");
    assertThat(embed.getDescription()).isEqualTo("- **Bold** and *italic*");
    assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName)
        .containsExactly("Votes", "Dates", "Links", "Authors");
    assertThat(embed.getFields().get(1).getValue()).isEqualTo("2024-06-07, 2024-06-08");
    assertThat(embed.getFields().get(2).getValue()).contains("[Video](https://example.org/v.mp4)");
    assertThat(embed.getFooter().getText()).isEqualTo("arXiv:2406.04325");
    assertThat(embed.getImage().getUrl()).endsWith("2406.04325.png");
  }

  @Test
  @DisplayName("allows no mention at all by default, whatever the text says")
  void noMentions() throws Exception {
    Message message = Message.builder().text("@everyone @here <@1500000000000000001> <@&1400000000000000001>").build();
    MessageCreateData data = renderer.render(message).get(0);
    JsonNode body = JSON.readTree(data.toData().toJson());
    assertThat(body.at("/allowed_mentions/parse")).isEmpty();
    assertThat(body.at("/allowed_mentions").has("users")).isFalse();
    assertThat(body.at("/allowed_mentions").has("roles")).isFalse();
    // and the id forms are escaped, so they do not even render as mention pills
    assertThat(body.path("content").asText()).contains("\\<@1500000000000000001\\>");
  }

  @Test
  @DisplayName("a message with a mention pings exactly that user, from the first message only")
  void oneMention() throws Exception {
    List<Block> blocks = new ArrayList<>(TestPapers.dailyPost(TestPapers.DAY, TestPapers.hardestDay()).blocks());
    Message alert = new Message(blocks, false, Optional.of(new Mention(Mention.Kind.USER, "1500000000000000002")));
    List<MessageCreateData> messages = renderer.render(alert);
    JsonNode first = JSON.readTree(messages.get(0).toData().toJson());
    assertThat(first.path("content").asText()).startsWith("<@1500000000000000002>\n## Daily Papers");
    assertThat(first.at("/allowed_mentions/users")).extracting(JsonNode::asText).containsExactly("1500000000000000002");
    assertThat(first.at("/allowed_mentions/parse")).isEmpty();
    JsonNode second = JSON.readTree(messages.get(1).toData().toJson());
    assertThat(second.at("/allowed_mentions").has("users")).isFalse();
  }

  @Test
  @DisplayName("a role mention allows exactly that role")
  void roleMention() throws Exception {
    Message alert = Message.builder().text("New paper on *diffusion*").build()
        .withMention(new Mention(Mention.Kind.ROLE, "1400000000000000001"));
    JsonNode body = JSON.readTree(renderer.render(alert).get(0).toData().toJson());
    assertThat(body.path("content").asText()).isEqualTo("<@&1400000000000000001> New paper on *diffusion*");
    assertThat(body.at("/allowed_mentions/roles")).extracting(JsonNode::asText).containsExactly("1400000000000000001");
  }

  @Test
  @DisplayName("text too long for message content continues in embeds instead of being cut")
  void longText() {
    String text = ("- " + "가".repeat(150) + "\n").repeat(60);
    List<MessageCreateData> messages = renderer.render(Message.builder().header("Help").text(text).build());
    String all = String.join("\n", messages.stream().flatMap(m -> m.getEmbeds().stream())
        .map(MessageEmbed::getDescription).toList());
    assertThat(all.replace("\n", "")).isEqualTo(text.replace("\n", ""));
    assertThat(messages.get(0).getEmbeds().get(0).getTitle()).isEqualTo("Help");
  }

  @Test
  @DisplayName("a short text answer is plain message content")
  void shortText() {
    List<MessageCreateData> messages = renderer.render(Message.ephemeralText("Subscribed."));
    assertThat(messages).singleElement().satisfies(m -> {
      assertThat(m.getContent()).isEqualTo("Subscribed.");
      assertThat(m.getEmbeds()).isEmpty();
    });
  }

  @Test
  @DisplayName("an empty message renders as nothing")
  void empty() {
    assertThat(renderer.render(Message.builder().build())).isEmpty();
  }

  /** Every field of a card a digest can fill, one at a time at a hostile length, then all at once. */
  static Stream<Arguments> hostileCards() {
    String family = "👨‍👩‍👧";
    String abs = "https://arxiv.org/abs/2406.04325";
    String longUrl = abs + "?" + "a".repeat(3_000);
    String video = "https://cdn.example/" + "v".repeat(1_950) + ".mp4"; // a valid embed URL, too long for a field
    List<String> thousands = TestPapers.authors(3_000);
    return Stream.of(
        Arguments.of("3,300-char title", hostile("T".repeat(3_300), "- x", List.of("A"), abs, Optional.empty(),
            Optional.empty())),
        Arguments.of("emoji-family title", hostile(family.repeat(500), "- x", List.of("A"), abs, Optional.empty(),
            Optional.empty())),
        Arguments.of("20,000-char one-line summary", hostile("T", "- " + "가*".repeat(10_000), List.of("A"), abs,
            Optional.empty(), Optional.empty())),
        Arguments.of("5,000-char author name", hostile("T", "- x", List.of("N_".repeat(2_500)), abs, Optional.empty(),
            Optional.empty())),
        Arguments.of("3,000 authors", hostile("T", "- x", thousands, abs, Optional.empty(), Optional.empty())),
        Arguments.of("3,000-char abstract URL", hostile("T", "- x", List.of("A"), longUrl, Optional.empty(),
            Optional.empty())),
        Arguments.of("3,500-char thumbnail URL", hostile("T", "- x", List.of("A"), abs,
            Optional.of("https://cdn.example/" + "p".repeat(3_500) + ".png"), Optional.empty())),
        Arguments.of("1,970-char video URL", hostile("T", "- x", List.of("A"), abs, Optional.empty(), Optional.of(video))),
        Arguments.of("every field at once", hostile("*" + "T".repeat(3_300), "- " + "가*".repeat(10_000), thousands,
            longUrl, Optional.of("https://cdn.example/" + "p".repeat(1_950) + ".png"), Optional.of(video))));
  }

  private static PaperCard hostile(String title, String summary, List<String> authors, String url,
      Optional<String> thumbnail, Optional<String> video) {
    return new PaperCard("2406.04325", title, url, summary, Optional.of(3), authors, true, thumbnail, video,
        List.of(TestPapers.DAY), Optional.of(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileCards")
  @DisplayName("a hostile-length field is cut at its limit: every message validates, alone and in a day")
  void hostileFields(String what, PaperCard card) throws Exception {
    for (Message message : List.of(Message.of(card), TestPapers.dailyPost(TestPapers.DAY, List.of(card, TestPapers.typical(2))))) {
      List<MessageCreateData> messages = renderer.render(message);
      assertThat(messages).isNotEmpty();
      for (MessageCreateData m : messages) {
        JsonNode body = JSON.readTree(m.toData().toJson());
        assertThat(DiscordPayloadValidator.validate(body)).as(what).isEmpty();
        assertThat(m.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum()).as(what).isLessThanOrEqualTo(6000);
      }
      assertThat(messages.stream().flatMap(m -> m.getEmbeds().stream()))
          .anyMatch(e -> "arXiv:2406.04325".equals(e.getFooter() == null ? null : e.getFooter().getText()));
    }
  }

  @Test
  @DisplayName("a 4,000-char emoji title is cut at a grapheme boundary within the 256-char embed title")
  void longTitleGraphemes() {
    String family = "👨‍👩‍👧";
    MessageEmbed embed = single(renderer.render(Message.of(hostile(family.repeat(500), "- x", List.of("A"),
        "https://arxiv.org/abs/2406.04325", Optional.empty(), Optional.empty()))));
    String title = embed.getTitle();
    assertThat(title.length()).isLessThanOrEqualTo(MessageEmbed.TITLE_MAX_LENGTH);
    String kept = title.substring("#1 ".length()).replace("…", "").strip();
    assertThat(kept).isNotEmpty();
    assertThat(kept.length() % family.length()).as("no emoji family split").isZero();
  }

  @Test
  @DisplayName("a video URL too long for the Links field is left out, the other links stay")
  void longVideoLink() {
    String video = "https://cdn.example/" + "v".repeat(1_950) + ".mp4";
    MessageEmbed embed = single(renderer.render(Message.of(hostile("T", "- x", List.of("A"),
        "https://arxiv.org/abs/2406.04325", Optional.empty(), Optional.of(video)))));
    assertThat(embed.getFields()).filteredOn(f -> "Links".equals(f.getName())).singleElement()
        .satisfies(f -> assertThat(f.getValue()).contains("[PDF](").contains("[Hugging Face](").doesNotContain("Video"));
  }

  private static MessageEmbed single(List<MessageCreateData> messages) {
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).getEmbeds()).hasSize(1);
    return messages.get(0).getEmbeds().get(0);
  }
}
