package io.paperboy.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextHelpersTest {

  @Test
  @DisplayName("cutting never splits a grapheme: emoji with modifiers, flags, combining marks, Hangul")
  void graphemeSafeCut() {
    String family = "👩‍👩‍👧‍👦"; // 11 UTF-16 units, one grapheme
    String text = "ab" + family + "cd";
    assertThat(TextCut.prefix(text, 5)).isEqualTo("ab");
    assertThat(TextCut.prefix(text, 13)).isEqualTo("ab" + family);
    assertThat(TextCut.prefix("e\u0301e\u0301", 3)).isEqualTo("e\u0301");
    assertThat(TextCut.prefix("🇰🇷🇺🇸", 7)).isEqualTo("🇰🇷");
    assertThat(TextCut.prefix("🇰🇷🇺🇸", 3)).isEmpty();
    String cut = TextCut.cut("확산 모델은 매우 좋습니다", 8, "…");
    assertThat(cut).isEqualTo("확산 모델은…").hasSizeLessThanOrEqualTo(8);
    assertThat(TextCut.cut("short", 10, "…")).isEqualTo("short");
  }

  @Test
  @DisplayName("the suffix (e.g. a link to the rest) always fits inside the limit")
  void suffixFits() {
    String longText = "가".repeat(5000);
    String suffix = "… [more](https://arxiv.org/abs/2406.04325)";
    String cut = TextCut.cut(longText, 4096, suffix);
    assertThat(cut).hasSizeLessThanOrEqualTo(4096).endsWith(suffix);
  }

  @Test
  @DisplayName("long author lists keep the first five and say how many there are")
  void authors() {
    List<String> many = IntStream.rangeClosed(1, 1000).mapToObj(i -> "Author " + i).toList();
    assertThat(AuthorList.shorten(many)).isEqualTo(
        "Author 1, Author 2, Author 3, Author 4, Author 5 … et al. (1000 authors)");
    assertThat(AuthorList.shorten(many.subList(0, 6))).isEqualTo(String.join(", ", many.subList(0, 6)));
    assertThat(AuthorList.shorten(List.of())).isEmpty();
  }

  @Test
  @DisplayName("a list the digest cut ('+') says '25+ authors' when long and 'et al.' when short; a whole one neither")
  void cutAuthors() {
    List<String> named = IntStream.rangeClosed(1, 25).mapToObj(i -> "Author " + i).toList();
    assertThat(AuthorList.shorten(named, true, AuthorList.SHOWN)).isEqualTo(
        "Author 1, Author 2, Author 3, Author 4, Author 5 … et al. (25+ authors)");
    assertThat(AuthorList.shorten(named, false, AuthorList.SHOWN)).endsWith("(25 authors)");
    assertThat(AuthorList.shorten(List.of("Ge Zhang", "Wenhu Chen"), true, AuthorList.SHOWN))
        .isEqualTo("Ge Zhang, Wenhu Chen et al.");
    assertThat(AuthorList.shorten(List.of("Ge Zhang", "Wenhu Chen"), false, AuthorList.SHOWN))
        .isEqualTo("Ge Zhang, Wenhu Chen");
    assertThat(AuthorList.shorten(List.of(), true, AuthorList.SHOWN)).isEmpty();
  }

  @Test
  @DisplayName("LaTeX-ish fragments become readable; text without $…$ is untouched")
  void latex() {
    assertThat(Latex.readable("Scaling to 10$\\times$ longer")).isEqualTo("Scaling to 10× longer");
    assertThat(Latex.readable("$\\alpha$-blending and $O(n^2)$")).isEqualTo("α-blending and O(n^2)");
    assertThat(Latex.readable("$\\textbf{Bold}$ claims")).isEqualTo("Bold claims");
    assertThat(Latex.readable("costs $5 and $10 dollars")).isEqualTo("costs $5 and $10 dollars");
    assertThat(Latex.readable("no math [IDK] & more")).isEqualTo("no math [IDK] & more");
  }
}
