package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.BreakIterator;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Mention;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.slack.BlockKitValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("SlackRenderer: Message → Block Kit within Slack's limits")
class SlackRendererTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SlackRenderer renderer = new SlackRenderer();

  @Test
  @DisplayName("a paper card: linked title and summary in one section with the thumbnail, then votes, authors, date, links")
  void card() throws Exception {
    JsonNode blocks = blocks(renderer.render(Message.of(DailyPosts.shareCard()))).get(0);

    assertThat(blocks).hasSize(2);
    JsonNode section = blocks.get(0);
    assertThat(section.path("text").path("verbatim").asBoolean()).isTrue();
    assertThat(section.path("text").path("text").asText()).isEqualTo(
        "*1. <https://arxiv.org/abs/2406.04325|Captions &amp; Clips: Better &lt;Video&gt; Understanding with 4× Denser Captions>*\n"
            + "• 비디오 캡션을 *조밀하게* 만들어 비디오-언어 모델의 이해와 생성 능력을 높인다.\n"
            + "• 세 가지 구성 요소: _데이터셋_, 캡션 모델, 그리고 `8B` 모델.\n"
            + "• 평가는 <https://example.org/bench?a=1&amp;b=2|벤치마크>에서 진행했다.");
    assertThat(section.path("accessory").path("type").asText()).isEqualTo("image");
    assertThat(section.path("accessory").path("alt_text").asText()).startsWith("Captions & Clips");
    List<String> small = new ArrayList<>();
    blocks.get(1).path("elements").forEach(e -> small.add(e.path("text").asText()));
    assertThat(small).containsExactly("▲ 35 votes", "Ada Lovelace, Alan Turing, Grace Hopper", "2024-06-07",
        "<https://arxiv.org/pdf/2406.04325|PDF> · <https://huggingface.co/papers/2406.04325|Hugging Face>");
  }

  @Test
  @DisplayName("cards are separated by dividers; a card without thumbnail has no accessory and links its video")
  void dayLayout() throws Exception {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));

    List<SlackPost> posts = renderer.render(day);

    assertThat(posts).hasSize(1);
    JsonNode blocks = blocks(posts).get(0);
    assertThat(types(blocks)).containsExactly("header", "context", "section", "context", "divider", "section", "context",
        "context");
    assertThat(blocks.get(5).has("accessory")).isFalse();
    assertThat(blocks.get(6).toString()).contains("<https://cdn.example.org/clip.mp4|Video>");
    assertThat(posts.get(0).text()).isEqualTo("Daily Papers — 2024-06-07\n"
        + "1. Captions &amp; Clips: Better &lt;Video&gt; Understanding with 4× Denser Captions\n"
        + "2. Step-aware Preference Optimization");
  }

  @Test
  @DisplayName("the largest day splits into posts that each keep every limit, and no paper is dropped")
  void largestDayLimits() throws Exception {
    List<SlackPost> posts = renderer.render(DailyPosts.dailyPost(DailyPosts.DAY, DailyPosts.largestDay()));

    List<JsonNode> all = blocks(posts);
    assertThat(all.size()).isGreaterThan(1);
    int cards = 0;
    for (int i = 0; i < all.size(); i++) {
      JsonNode blocks = all.get(i);
      assertThat(BlockKitValidator.validate(blocks)).as("post %d", i).isEmpty();
      assertThat(blocks.size()).isLessThanOrEqualTo(SlackRenderer.MAX_BLOCKS);
      assertThat(BlockKitValidator.totalText(blocks)).isLessThanOrEqualTo(SlackRenderer.MESSAGE_TEXT_BUDGET);
      assertThat(types(blocks).get(0)).isNotEqualTo("divider");
      assertThat(types(blocks).get(blocks.size() - 1)).isNotEqualTo("divider");
      assertThat(posts.get(i).text()).startsWith("Daily Papers — 2024-06-07 (" + (i + 1) + "/" + all.size() + ")");
      cards += (int) SlackGatewayTest.texts(blocks).stream().filter(t -> t.startsWith("*") && t.contains("|Paper ")).count();
    }
    assertThat(cards).isEqualTo(70);
  }

  @Test
  @DisplayName("a long summary is split over sections with its text intact")
  void longSummarySplit() throws Exception {
    List<String> bullets = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      bullets.add("문단 " + i + " " + "확산 모델의 성능을 높이는 방법 & 결과. ".repeat(24));
    }
    Block.PaperCard card = card("- " + String.join("\n- ", bullets));

    JsonNode blocks = blocks(renderer.render(Message.of(card))).get(0);

    List<String> sections = new ArrayList<>();
    blocks.forEach(b -> {
      if ("section".equals(b.path("type").asText())) {
        sections.add(b.path("text").path("text").asText());
      }
    });
    assertThat(sections.size()).isGreaterThan(1);
    assertThat(sections).allMatch(s -> s.length() <= SlackRenderer.MAX_SECTION_TEXT);
    String joined = String.join("\n", sections);
    bullets.forEach(b -> assertThat(joined.contains("• " + b.strip().replace("&", "&amp;"))).as(b).isTrue());
    assertThat(joined).doesNotContain("|more>");
  }

  @Test
  @DisplayName("an over-long paragraph is cut on a grapheme boundary with … and the paper's link")
  void overlongParagraphCut() throws Exception {
    String paragraph = ("연구진은 👩🏽‍🔬 데이터를 분석했다 & 결과를 공개했다. ").repeat(150);
    Block.PaperCard card = card(paragraph);

    JsonNode blocks = blocks(renderer.render(Message.of(card))).get(0);

    String text = blocks.get(0).path("text").path("text").asText();
    String suffix = "… <https://arxiv.org/abs/2401.00001|more>";
    assertThat(text).hasSizeLessThanOrEqualTo(SlackRenderer.MAX_SECTION_TEXT).endsWith(suffix);
    String body = text.substring(text.indexOf('\n') + 1, text.length() - suffix.length());
    String escaped = paragraph.strip().replace("&", "&amp;");
    assertThat(escaped).startsWith(body);
    BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
    graphemes.setText(escaped);
    assertThat(graphemes.isBoundary(body.length())).isTrue();
    assertThat(body).doesNotEndWith("&amp").doesNotEndWith("&am").doesNotEndWith("&a");
  }

  @Test
  @DisplayName("a header over 150 characters is cut with …, a context over ten items keeps them all")
  void headerAndContext() throws Exception {
    String longHeader = "한국어 제목 ".repeat(40);
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      items.add("item " + i);
    }
    Message message = Message.builder().header(longHeader).add(new Block.Context(items)).build();

    JsonNode blocks = blocks(renderer.render(message)).get(0);

    String header = blocks.get(0).path("text").path("text").asText();
    assertThat(header).hasSizeLessThanOrEqualTo(SlackRenderer.MAX_HEADER_TEXT).endsWith("…");
    assertThat(longHeader).startsWith(header.substring(0, header.length() - 1));
    JsonNode elements = blocks.get(1).path("elements");
    assertThat(elements).hasSize(SlackRenderer.MAX_CONTEXT_ELEMENTS);
    assertThat(elements.get(9).path("text").asText()).isEqualTo("item 10 · item 11 · item 12");
  }

  @Test
  @DisplayName("the message's one allowed mention pings; hostile ids are dropped")
  void mention() throws Exception {
    Message alert = Message.of(DailyPosts.shareCard()).withMention(new Mention(Mention.Kind.USER, "U0ALERT"));
    Message group = Message.of(DailyPosts.shareCard()).withMention(new Mention(Mention.Kind.ROLE, "S0TEAM"));
    Message hostile = Message.of(DailyPosts.shareCard()).withMention(new Mention(Mention.Kind.USER, "U1> <!channel"));

    SlackPost post = renderer.render(alert).get(0);

    assertThat(blocks(List.of(post)).get(0).get(0).path("text").path("text").asText()).isEqualTo("<@U0ALERT>");
    assertThat(post.text()).startsWith("<@U0ALERT> ");
    assertThat(renderer.render(group).get(0).text()).startsWith("<!subteam^S0TEAM> ");
    assertThat(SlackPreview.toJson(renderer.render(hostile))).doesNotContain("<!").doesNotContain("<@");
  }

  @Test
  @DisplayName("thread layout: the head without cards, then one reply per card")
  void threads() throws Exception {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));

    SlackThreadPosts thread = renderer.renderThreads(day);

    assertThat(thread.head()).hasSize(1);
    assertThat(types(blocks(thread.head()).get(0))).containsExactly("header", "context", "context");
    assertThat(thread.replies()).hasSize(2);
    assertThat(types(blocks(thread.replies()).get(0))).containsExactly("section", "context");
    assertThat(thread.replies().get(1).text()).isEqualTo("2. Step-aware Preference Optimization");
  }

  @Test
  @DisplayName("a short text answer: one section, its text as fallback; empty blocks are left out")
  void shortAnswer() throws Exception {
    Message answer = Message.builder().text("").text("No paper `2401.99999` & nothing <else>.").context("", " ").build();

    List<SlackPost> posts = renderer.render(answer);

    assertThat(posts).hasSize(1);
    assertThat(types(blocks(posts).get(0))).containsExactly("section");
    assertThat(posts.get(0).text()).isEqualTo("No paper `2401.99999` &amp; nothing &lt;else&gt;.");
  }

  @Test
  @DisplayName("a cut author list ('+') reads '25+ authors' when long, 'et al.' when short")
  void cutAuthors() throws Exception {
    List<String> named = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      named.add("Author " + i);
    }
    assertThat(authorsElement(named, true)).endsWith("… et al. (25+ authors)");
    assertThat(authorsElement(named, false)).endsWith("… et al. (25 authors)");
    assertThat(authorsElement(List.of("Ge Zhang", "Wenhu Chen"), true)).isEqualTo("Ge Zhang, Wenhu Chen et al.");
  }

  private String authorsElement(List<String> authors, boolean more) throws Exception {
    Block.PaperCard card = new Block.PaperCard("2401.00001", "A paper", "https://arxiv.org/abs/2401.00001", "- x",
        Optional.of(3), authors, more, Optional.empty(), Optional.empty(), List.of(DailyPosts.DAY), Optional.empty());
    JsonNode blocks = blocks(renderer.render(Message.of(card))).get(0);
    return blocks.get(1).path("elements").get(1).path("text").asText();
  }

  /** Every field of a card a digest can fill, one at a time at a hostile length, then all at once. */
  static Stream<Arguments> hostileCards() {
    String family = "👨‍👩‍👧";
    String longUrl = "https://arxiv.org/abs/2406.04325?" + "a".repeat(3_000);
    List<String> thousands = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      thousands.add("Author & <Number> " + i);
    }
    return Stream.of(
        Arguments.of("3,300-char title", hostile("T".repeat(3_300), "- x", List.of("A"), "https://arxiv.org/abs/2406.04325",
            Optional.empty(), Optional.empty())),
        Arguments.of("3,300 '&' in the title (each escaped to 5 chars)", hostile("&".repeat(3_300), "- x", List.of("A"),
            "https://arxiv.org/abs/2406.04325", Optional.empty(), Optional.empty())),
        Arguments.of("emoji-family title", hostile(family.repeat(500), "- x", List.of("A"),
            "https://arxiv.org/abs/2406.04325", Optional.empty(), Optional.empty())),
        Arguments.of("20,000-char one-line summary", hostile("T", "- " + "가&".repeat(10_000), List.of("A"),
            "https://arxiv.org/abs/2406.04325", Optional.empty(), Optional.empty())),
        Arguments.of("5,000-char author name", hostile("T", "- x", List.of("N".repeat(5_000)),
            "https://arxiv.org/abs/2406.04325", Optional.empty(), Optional.empty())),
        Arguments.of("3,000 authors", hostile("T", "- x", thousands, "https://arxiv.org/abs/2406.04325",
            Optional.empty(), Optional.empty())),
        Arguments.of("3,000-char abstract URL", hostile("T", "- x", List.of("A"), longUrl, Optional.empty(),
            Optional.empty())),
        Arguments.of("3,500-char thumbnail URL", hostile("T", "- x", List.of("A"), "https://arxiv.org/abs/2406.04325",
            Optional.of("https://cdn.example/" + "p".repeat(3_500) + ".png"), Optional.empty())),
        Arguments.of("2,900-char video URL", hostile("T", "- x", List.of("A"), "https://arxiv.org/abs/2406.04325",
            Optional.empty(), Optional.of("https://cdn.example/" + "v".repeat(2_900) + ".mp4"))),
        Arguments.of("every field at once", hostile("&<" + "T".repeat(3_300), "- " + "가&".repeat(10_000),
            thousands, longUrl, Optional.of("https://cdn.example/" + "p".repeat(2_900) + ".png"),
            Optional.of("https://cdn.example/" + "v".repeat(2_900) + ".mp4"))));
  }

  private static Block.PaperCard hostile(String title, String summary, List<String> authors, String url,
      Optional<String> thumbnail, Optional<String> video) {
    return new Block.PaperCard("2406.04325", title, url, summary, Optional.of(3), authors, true, thumbnail, video,
        List.of(DailyPosts.DAY), Optional.of(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileCards")
  @DisplayName("a hostile-length field is cut at its Block Kit limit: every post validates, alone and in a day")
  void hostileFields(String what, Block.PaperCard card) throws Exception {
    for (Message message : List.of(Message.of(card),
        DailyPosts.dailyPost(DailyPosts.DAY, List.of(card, DailyPosts.shareCard())))) {
      List<SlackPost> posts = renderer.render(message);
      List<SlackPost> all = new ArrayList<>(posts);
      all.addAll(renderer.renderThreads(message).replies());
      for (SlackPost post : all) {
        JsonNode blocks = blocks(List.of(post)).get(0);
        assertThat(BlockKitValidator.validate(blocks)).as(what).isEmpty();
        assertThat(BlockKitValidator.totalText(blocks)).as(what).isLessThanOrEqualTo(BlockKitValidator.MAX_TOTAL_TEXT);
        assertThat(post.text().length()).as(what).isLessThanOrEqualTo(SlackRenderer.MAX_FALLBACK_TEXT);
      }
      // the card is still there, title first
      assertThat(SlackGatewayTest.texts(blocks(posts).get(0))).anyMatch(t -> t.contains("|") && t.startsWith("*"));
    }
  }

  @Test
  @DisplayName("a 3,300-char title is cut at a grapheme boundary, within its section, the link intact")
  void longTitleCut() throws Exception {
    String family = "👨‍👩‍👧";
    Block.PaperCard card = hostile(family.repeat(500), "- 요약", List.of("A"), "https://arxiv.org/abs/2406.04325",
        Optional.empty(), Optional.empty());
    String section = blocks(renderer.render(Message.of(card))).get(0).get(0).path("text").path("text").asText();
    assertThat(section.length()).isLessThanOrEqualTo(SlackRenderer.MAX_SECTION_TEXT);
    String label = section.substring(section.indexOf('|') + 1, section.indexOf(">*"));
    assertThat(label).endsWith("…");
    String kept = label.substring(0, label.length() - 1);
    assertThat(kept).isNotEmpty();
    assertThat(kept.length() % family.length()).as("no emoji family split").isZero();
    assertThat(label.length()).isLessThanOrEqualTo(SlackRenderer.MAX_CARD_TITLE);

    Block.PaperCard amps = hostile("&".repeat(3_300), "- 요약", List.of("A"), "https://arxiv.org/abs/2406.04325",
        Optional.empty(), Optional.empty());
    String ampSection = blocks(renderer.render(Message.of(amps))).get(0).get(0).path("text").path("text").asText();
    String ampLabel = ampSection.substring(ampSection.indexOf('|') + 1, ampSection.indexOf(">*"));
    assertThat(ampLabel).matches("(&amp;)+…").hasSizeLessThanOrEqualTo(SlackRenderer.MAX_CARD_TITLE);
  }

  @Test
  @DisplayName("an over-long abstract URL links the canonical one; an over-long video URL is left out, not cut")
  void longUrls() throws Exception {
    Block.PaperCard card = hostile("T", "- 요약", List.of("A"), "https://arxiv.org/abs/2406.04325?" + "a".repeat(3_000),
        Optional.empty(), Optional.of("https://cdn.example/" + "v".repeat(2_900) + ".mp4"));
    JsonNode blocks = blocks(renderer.render(Message.of(card))).get(0);
    assertThat(blocks.get(0).path("text").path("text").asText()).startsWith("*1. <https://arxiv.org/abs/2406.04325|T>*");
    assertThat(blocks.toString()).doesNotContain("Video").doesNotContain("aaaa");
  }

  private static Block.PaperCard card(String summary) {
    return new Block.PaperCard("2401.00001", "A paper", "https://arxiv.org/abs/2401.00001", summary,
        Optional.of(3), List.of("A. Author"), Optional.empty(), Optional.empty(), List.of(DailyPosts.DAY), Optional.empty());
  }

  static List<JsonNode> blocks(List<SlackPost> posts) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode post : JSON.readTree(SlackPreview.toJson(posts))) {
      out.add(post.path("blocks"));
    }
    return out;
  }

  private static List<String> types(JsonNode blocks) {
    List<String> types = new ArrayList<>();
    blocks.forEach(b -> types.add(b.path("type").asText()));
    return types;
  }
}
