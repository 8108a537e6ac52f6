package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.BreakIterator;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SlackMrkdwn: CommonMark → mrkdwn")
class SlackMrkdwnTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "bold and italics       | **bold** and *it* and _it2_ and `c`  | *bold* and _it_ and _it2_ and `c`",
      "labelled bullet        | - ***What's New***: 새로운 방법        | • _*What's New*_: 새로운 방법",
      "bullets                | '- a\n- b'                           | '• a\n• b'",
      "numbered from 3        | '3. a\n4. b'                         | '3. a\n4. b'",
      "nested bullets         | '- a\n  - b'                         | '• a\n    • b'",
      "heading                | ## Results                           | *Results*",
      "paragraphs             | 'one\n\ntwo'                         | 'one\n\ntwo'",
      "escaping               | a & b <c> d                          | a &amp; b &lt;c&gt; d",
      "link                   | '[벤치마크](https://example.org/x?q=1&r=2)' | '<https://example.org/x?q=1&amp;r=2|벤치마크>'",
      "autolink               | <https://example.org/a>              | <https://example.org/a>",
      "label escaped          | '[a <b> & c](https://example.org)'   | '<https://example.org|a &lt;b&gt; &amp; c>'",
      "LaTeX made readable    | $4\\times$ faster, $\\alpha$-tuning  | 4× faster, α-tuning",
      "quote                  | > quoted <x>                         | > quoted &lt;x&gt;",
      "code block             | '```\n<tag> & x\n```'                | '```&lt;tag&gt; &amp; x```'",
      "markers hug the text   | ** spaced **                         | ** spaced **",
  })
  void converts(String what, String markdown, String mrkdwn) {
    assertThat(SlackMrkdwn.render(markdown.replace("\\n", "\n"))).isEqualTo(mrkdwn.replace("\\n", "\n"));
  }

  @Test
  @DisplayName("<!channel>, <!here>, <!everyone>, <@U…> and group mentions in digest text are inert")
  void mentionsInert() {
    String markdown = "Hi <!channel> <!here> <!everyone> <@U123ABC> <@U9|ada> <!subteam^S1|@team> <#C1|general>\n\n"
        + "- [click](!here) and [me](@U123) and ![img](!channel)";

    String out = SlackMrkdwn.render(markdown);

    assertThat(out).doesNotContain("<!").doesNotContain("<@").doesNotContain("<#");
    assertThat(out).contains("&lt;!channel&gt;").contains("&lt;!here&gt;").contains("&lt;!everyone&gt;")
        .contains("&lt;@U123ABC&gt;").contains("• click and me and img");
  }

  @Test
  @DisplayName("link() only links http(s) and mailto URLs and keeps | and > out of the target")
  void links() {
    assertThat(SlackMrkdwn.link("https://example.org/a|b>c", "x")).isEqualTo("<https://example.org/a%7Cb%3Ec|x>");
    assertThat(SlackMrkdwn.link("javascript:alert(1)", "x")).isEqualTo("x");
    assertThat(SlackMrkdwn.link("!here", "")).isEqualTo("!here");
    assertThat(SlackMrkdwn.link("mailto:a@b.org", "")).isEqualTo("<mailto:a@b.org>");
  }

  @Test
  @DisplayName("cut() ends on a grapheme boundary: no half emoji, no split Hangul, then the suffix")
  void cutGraphemes() {
    String family = "👩‍👩‍👧‍👦";
    String text = "가".repeat(5) + family.repeat(30) + "끝";
    for (int max = 10; max < 60; max++) {
      String suffix = "… <https://arxiv.org/abs/1|more>";
      String cut = SlackMrkdwn.cut(text, max + suffix.length(), suffix);
      assertThat(cut).endsWith(suffix).hasSizeLessThanOrEqualTo(max + suffix.length());
      String kept = cut.substring(0, cut.length() - suffix.length());
      assertThat(text).startsWith(kept);
      assertThat(isBoundary(text, kept.length())).as("boundary at %d", kept.length()).isTrue();
    }
  }

  @Test
  @DisplayName("cut() never leaves half an entity or half a <link>")
  void cutStructure() {
    String entity = "abcdefgh &amp; rest of the text";
    for (int max = 9; max <= 14; max++) {
      assertThat(SlackMrkdwn.cut(entity, max + 1, "…")).matches("abcdefgh( &amp;)?…");
    }
    String link = "see <https://example.org/long/path|the label> and more words here";
    for (int max = 5; max < 40; max++) {
      String cut = SlackMrkdwn.cut(link, max + 1, "…");
      assertThat(cut.chars().filter(c -> c == '<').count()).isEqualTo(cut.chars().filter(c -> c == '>').count());
    }
  }

  @Test
  @DisplayName("slash command text: links unwrapped, entities decoded, user references kept")
  void slashText() {
    assertThat(SlashCommandText.normalise(" <https://arxiv.org/abs/2406.04325> ")).isEqualTo("https://arxiv.org/abs/2406.04325");
    assertThat(SlashCommandText.normalise("<https://arxiv.org/abs/1|arxiv.org/abs/1> n:5")).isEqualTo("https://arxiv.org/abs/1 n:5");
    assertThat(SlashCommandText.normalise("Q&amp;A &lt;agents&gt; &amp;lt;")).isEqualTo("Q&A <agents> &lt;");
    assertThat(SlashCommandText.normalise("add <@U123|ada> <!subteam^S1|@team>")).isEqualTo("add <@U123|ada> <!subteam^S1|@team>");
    assertThat(SlashCommandText.normalise(null)).isEmpty();
  }

  private static boolean isBoundary(String text, int index) {
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(text);
    return it.isBoundary(index);
  }
}
