package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.slack.BlockKitValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code preview --platform slack} over the real sample days (read from {@code ../shared/seeds}
 * and {@code seeds/} when present, never copied): every post keeps every Block Kit limit, escapes
 * mrkdwn, pings nobody, and carries every paper with its summary intact.
 */
@DisplayName("Slack preview of the real sample days")
class SeedDaysPreviewTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DATE = Pattern.compile("^## Daily Papers \\((\\d{4}-\\d{2}-\\d{2})\\)");
  private static final Pattern PAPER = Pattern.compile("^### \\[(.*)]\\((\\S+)\\)\\s*$");
  private static final Pattern IMAGE = Pattern.compile("^!\\[[^]]*]\\((\\S+)\\)\\s*$");
  private static final Pattern VIDEO = Pattern.compile("^\\[Watch Video]\\((\\S+)\\)\\s*$");

  static Stream<Path> days() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String property : List.of("paperboy.sharedSeeds", "paperboy.projectSeeds")) {
      String dir = System.getProperty(property);
      if (dir != null && Files.isDirectory(Path.of(dir))) {
        try (Stream<Path> list = Files.list(Path.of(dir))) {
          list.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.md")).forEach(files::add);
        }
      }
    }
    return files.isEmpty() ? Stream.of(Path.of("none")) : files.stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("days")
  @DisplayName("every post within limits, escaped, pinging nobody, every paper and summary line intact")
  void preview(Path file) throws Exception {
    assumeFalse(file.toString().equals("none"), "no sample days beside this checkout");
    List<Block.PaperCard> cards = new ArrayList<>();
    LocalDate date = parse(Files.readString(file, StandardCharsets.UTF_8), cards);

    JsonNode posts = JSON.readTree(SlackPreview.previewJson(DailyPosts.dailyPost(date, cards)));

    StringBuilder all = new StringBuilder();
    for (JsonNode post : posts) {
      JsonNode blocks = post.path("blocks");
      assertThat(BlockKitValidator.validate(blocks)).isEmpty();
      assertThat(BlockKitValidator.totalText(blocks)).isLessThanOrEqualTo(SlackRenderer.MESSAGE_TEXT_BUDGET);
      assertThat(post.path("link_names").asBoolean(true)).isFalse();
      List<String> texts = SlackGatewayTest.texts(blocks);
      assertThat(texts).noneMatch(t -> t.contains("<!") || t.contains("<@"));
      assertThat(post.path("text").asText()).doesNotContain("<!").doesNotContain("<@");
      texts.forEach(t -> all.append(t).append('\n'));
    }
    for (Block.PaperCard card : cards) {
      assertThat(all.indexOf("*" + card.rank().orElseThrow() + ". <" + card.absUrl() + "|") >= 0)
          .as("%s: paper %s", file.getFileName(), card.arxivId()).isTrue();
      for (String line : SlackMrkdwn.lines(card.summary())) {
        assertThat(all.indexOf(line) >= 0).as("%s: %s line intact: %s", file.getFileName(), card.arxivId(), line).isTrue();
      }
    }
    System.out.printf("slack preview %s: %d papers in %d posts%n", file.getFileName(), cards.size(), posts.size());
    if (Boolean.getBoolean("paperboy.printPreview")) {
      System.out.println(SlackPreview.previewJson(DailyPosts.dailyPost(date, cards)));
    }
  }

  /** Just enough of the digest format for these files (the real parser lives in the scheduler). */
  private static LocalDate parse(String markdown, List<Block.PaperCard> cards) {
    LocalDate date = null;
    String title = null;
    String url = null;
    Optional<String> thumbnail = Optional.empty();
    Optional<String> video = Optional.empty();
    Optional<Integer> votes = Optional.empty();
    List<String> authors = List.of();
    StringBuilder summary = new StringBuilder();
    List<String> lines = new ArrayList<>(Arrays.asList(markdown.split("\n", -1)));
    lines.add("### [end](end)");
    for (String line : lines) {
      Matcher m;
      if ((m = DATE.matcher(line)).find()) {
        date = date == null ? LocalDate.parse(m.group(1)) : date;
      } else if ((m = PAPER.matcher(line)).matches()) {
        if (title != null) {
          String id = url.replaceAll(".*/", "");
          cards.add(new Block.PaperCard(id, title, url, summary.toString().strip(), votes, authors, thumbnail, video,
              List.of(date), Optional.of(cards.size() + 1)));
        }
        title = m.group(1);
        url = m.group(2);
        thumbnail = Optional.empty();
        video = Optional.empty();
        votes = Optional.empty();
        authors = List.of();
        summary.setLength(0);
      } else if ((m = IMAGE.matcher(line)).matches()) {
        thumbnail = Optional.of(m.group(1));
      } else if ((m = VIDEO.matcher(line)).matches()) {
        video = Optional.of(m.group(1));
      } else if (line.startsWith("Vote: ")) {
        String v = line.substring(6).strip();
        votes = v.matches("\\d+") ? Optional.of(Integer.parseInt(v)) : Optional.empty();
      } else if (line.startsWith("Authors: ")) {
        authors = Arrays.stream(line.substring(9).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      } else if (!line.startsWith("<div><video") && title != null) {
        summary.append(line).append('\n');
      }
    }
    return date;
  }
}
