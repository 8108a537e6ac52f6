package io.paperboy.scheduler.digest;

import static io.paperboy.scheduler.digest.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.DigestEntry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Markdown corner cases of the history's variants, each in a few inline lines. */
@DisplayName("DigestParser on markdown corner cases")
class DigestParserCornerCasesTest {

  private final DigestParser parser = new DigestParser();

  @Test
  @DisplayName("a title with an unbalanced '[' is still the whole link text")
  void unbalancedBracketTitle() throws Exception {
    byte[] content = utf8("## Daily Papers (2024-01-02)\n\n### [Attention [ Is Not Enough](https://arxiv.org/abs/2401.00001)\n\n- 요약.\n");

    DigestEntry e = parser.parse("unbalanced.md", content).entries().get(0);

    assertThat(e.title()).isEqualTo("Attention [ Is Not Enough");
    assertThat(e.arxivId()).isEqualTo("2401.00001");
  }

  @Test
  @DisplayName("inline <video> and layout HTML above the summary are not summary; HTML inside it stays")
  void rawHtmlLines() throws Exception {
    String md = """
        ## Daily Papers (2024-01-03)
        ### [Raw HTML](https://arxiv.org/abs/2401.00003)
        <div>
        <video controls src='https://cdn.example/v.mp4'></video>
        </div>
        Vote: 1
        - 요약 <br> 줄.

        <video src="https://cdn.example/late.mp4"></video>
        <sup>각주</sup>
        """;

    DigestEntry e = parser.parse("html.md", utf8(md)).entries().get(0);

    assertThat(e.media()).contains("https://cdn.example/v.mp4");
    assertThat(e.votes()).contains(1);
    assertThat(e.summary()).isEqualTo("- 요약 <br> 줄.\n\n<sup>각주</sup>");
  }

  @Test
  @DisplayName("an Authors: line cut with a lone '+' (at the end or in the middle) keeps the cut as authorsMore")
  void cutAuthorLists() throws Exception {
    String md = """
        ## Daily Papers (2024-01-06)
        ### [Gemini](https://arxiv.org/abs/2312.11805)
        Authors: Gemini Team, Rohan Anil, Orhan Firat, +
        - 요약.
        ### [MAP-Neo](https://arxiv.org/abs/2405.19327)
        Authors: Ge Zhang, Yu-Hsuan Tsai, Yizhi Li, +, Ruibin Yuan, Wenhu Chen
        - 요약.
        ### [Whole](https://arxiv.org/abs/2401.00007)
        Authors: Ada Lovelace, Alan Turing
        - 요약.
        """;

    List<DigestEntry> entries = parser.parse("cut.md", utf8(md)).entries();

    assertThat(entries).extracting(DigestEntry::authorsMore).containsExactly(true, true, false);
    assertThat(entries.get(0).authors()).containsExactly("Gemini Team", "Rohan Anil", "Orhan Firat");
    assertThat(entries.get(1).authors()).containsExactly("Ge Zhang", "Yu-Hsuan Tsai", "Yizhi Li", "Ruibin Yuan",
        "Wenhu Chen");
    assertThat(entries.get(0).summary()).isEqualTo("- 요약.");
  }

  @Test
  @DisplayName("emphasised field labels (**Vote:** 35, **Authors:**) read like plain ones")
  void emphasisedLabels() throws Exception {
    String md = """
        ## Daily Papers (2024-01-04)

        ### [Bold Labels](https://arxiv.org/abs/2401.00004)

        **Vote:** 35

        **Authors:** Jean\\_Luc Picard, `Data`

        - 요약.
        """;

    DigestEntry e = parser.parse("bold.md", utf8(md)).entries().get(0);

    assertThat(e.votes()).contains(35);
    assertThat(e.authors()).containsExactly("Jean_Luc Picard", "Data");
    assertThat(e.summary()).isEqualTo("- 요약.");
  }

  @Test
  @DisplayName("a paragraph underlined by '---' (a setext heading) stays summary; the rule is left out")
  void setextUnderlineInSummary() throws Exception {
    String md = """
        ## Daily Papers (2024-01-05)
        ### [First](https://arxiv.org/abs/2401.00005)
        - 요점.

        마지막 문단.
        ---
        ### [Second](https://arxiv.org/abs/2401.00006)
        요약 문단.
        ===
        """;

    List<DigestEntry> entries = parser.parse("setext.md", utf8(md)).entries();

    assertThat(entries).extracting(DigestEntry::summary).containsExactly("- 요점.\n\n마지막 문단.", "요약 문단.");
  }
}
