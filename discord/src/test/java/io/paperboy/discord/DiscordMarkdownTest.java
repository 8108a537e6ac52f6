package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DiscordMarkdown")
class DiscordMarkdownTest {

  @Test
  @DisplayName("keeps bullet lists, nested lists, bold and italics")
  void lists() {
    String md = """
        - **Bold** label: text
        - *italic* and ***both***
          - nested under the second
        - `code`
        """;
    assertThat(DiscordMarkdown.convert(md)).isEqualTo("""
        - **Bold** label: text
        - *italic* and ***both***
          - nested under the second
        - `code`""");
  }

  @Test
  @DisplayName("keeps numbered lists with their start number, whatever the delimiter")
  void numbered() {
    assertThat(DiscordMarkdown.convert("3) third\n4) fourth\n")).isEqualTo("3. third\n4. fourth");
  }

  @Test
  @DisplayName("makes LaTeX-ish math readable")
  void latex() {
    assertThat(DiscordMarkdown.convert("- 3$\\times$ faster, $\\alpha$ = 0.5")).isEqualTo("- 3× faster, α = 0.5");
  }

  @Test
  @DisplayName("keeps links as masked links and drops raw HTML")
  void linksAndHtml() {
    assertThat(DiscordMarkdown.convert("See [the code](https://github.com/x/y) <br> now\n\n<div><video src=\"a.mp4\"></video></div>\n"))
        .isEqualTo("See [the code](https://github.com/x/y)  now");
  }

  @Test
  @DisplayName("escapes literal markup and mention syntax so that text stays text")
  void escapes() {
    assertThat(DiscordMarkdown.convert("a \\* b, snake\\_case, ~~x~~ | <@123> <@&456>"))
        .isEqualTo("a \\* b, snake\\_case, \\~\\~x\\~\\~ \\| \\<@123\\> \\<@&456\\>");
  }

  @Test
  @DisplayName("literal text at a line start does not become a heading, quote or list")
  void lineStarts() {
    // "2." cannot start a list inside a paragraph in CommonMark, but would in Discord
    assertThat(DiscordMarkdown.convert("first line\n2. not a list\n-5% loss"))
        .isEqualTo("first line\n2\\. not a list\n\\-5% loss");
  }

  @Test
  @DisplayName("headings become bold lines; code blocks stay fenced")
  void headingsAndCode() {
    assertThat(DiscordMarkdown.convert("## Results\n\n```python\nprint(1)\n```\n"))
        .isEqualTo("**Results**\n\n```\nprint(1)\n```");
  }

  @Test
  @DisplayName("escape() makes plain text literal")
  void escapePlain() {
    assertThat(DiscordMarkdown.escape("# *Title* with_under")).isEqualTo("\\# \\*Title\\* with\\_under");
  }
}
