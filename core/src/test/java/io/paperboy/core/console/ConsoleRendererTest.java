package io.paperboy.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Markdown drawn for a terminal: the markup never shows; styling only when it may. */
class ConsoleRendererTest {

  private static final String ESC = "\u001b[";

  private static String plain(String markdown) {
    return new ConsoleRenderer(TerminalStyle.PLAIN).render(Message.ephemeralText(markdown));
  }

  private static String ansi(String markdown) {
    return new ConsoleRenderer(TerminalStyle.ANSI).render(Message.ephemeralText(markdown));
  }

  @Test
  @DisplayName("plain: emphasis loses its markers, a link reads 'title <url>', code spans lose their backticks")
  void plainInline() {
    // GIVEN the answer /subscribe gives, and a link list like /alert test's
    String subscribed = "This channel now gets the daily papers digest.\n"
        + "**Settings:** weekdays at 09:00 (Asia/Seoul) · all papers\n"
        + "**Next post:** Fri 7 Jun 2024, 09:00 KST (in 60m)";
    // THEN each source line stays a line, without markup
    assertThat(plain(subscribed)).isEqualTo("This channel now gets the daily papers digest.\n"
        + "Settings: weekdays at 09:00 (Asia/Seoul) · all papers\n"
        + "Next post: Fri 7 Jun 2024, 09:00 KST (in 60m)\n");
    assertThat(plain("- [pOps: Photo-Inspired *Diffusion*](https://arxiv.org/abs/2406.01300) — diffusion in title"))
        .isEqualTo("• pOps: Photo-Inspired Diffusion <https://arxiv.org/abs/2406.01300> — diffusion in title\n");
    assertThat(plain("Usage: `/top [period] [n]` or <https://example.com/x>"))
        .isEqualTo("Usage: `/top [period] [n]` or https://example.com/x\n");
    assertThat(plain("- ***Technical Details***: 규칙 기반의 보상 함수\\*를 쓴다"))
        .isEqualTo("• Technical Details: 규칙 기반의 보상 함수*를 쓴다\n");
  }

  @Test
  @DisplayName("plain: no fences (code indented, a caret stays under its column), bullets and numbers, nested lists indented")
  void plainBlocks() {
    String error = "That query has a problem at position 1: '(' is never closed\n```\n(foo\n^\n```";
    assertThat(plain(error)).isEqualTo("That query has a problem at position 1: '(' is never closed\n"
        + "    (foo\n"
        + "    ^\n");
    String summary = "- **Problem**: 긴 비디오\n  - 첫째\n  - 둘째\n- 결과\n\n1. one\n2. two\n\n# Heading\n\n> quoted";
    assertThat(plain(summary)).isEqualTo("• Problem: 긴 비디오\n"
        + "  • 첫째\n"
        + "  • 둘째\n"
        + "• 결과\n"
        + "\n"
        + "1. one\n"
        + "2. two\n"
        + "\n"
        + "Heading\n"
        + "\n"
        + "│ quoted\n");
    assertThat(plain("3) third\n4) fourth")).isEqualTo("3) third\n4) fourth\n");
  }

  @Test
  @DisplayName("ANSI: bold and italic as SGR codes that nest, closed at each line's end; headings and card titles bold")
  void ansiStyles() {
    assertThat(ansi("**Settings:** a *b* ***c***")).isEqualTo(
        ESC + "1mSettings:" + ESC + "22m a " + ESC + "3mb" + ESC + "23m " + ESC + "3m" + ESC + "1mc" + ESC + "22m"
            + ESC + "23m\n");
    // bold spanning a line break is closed before the newline and reopened after the bullet's indent
    assertThat(ansi("- **one\n  two**")).isEqualTo(
        "• " + ESC + "1mone" + ESC + "22m\n  " + ESC + "1mtwo" + ESC + "22m\n");
    assertThat(ansi("# Title")).isEqualTo(ESC + "1mTitle" + ESC + "22m\n");
    Message m = Message.builder().header("Search: 확산").add(card()).build();
    String drawn = new ConsoleRenderer(TerminalStyle.ANSI).render(m);
    assertThat(drawn).startsWith(ESC + "1m══ Search: 확산 ══" + ESC + "22m\n")
        .contains(ESC + "1m#2 A × B" + ESC + "22m\n")
        .contains("   • " + ESC + "1m요약" + ESC + "22m: 좋다\n");
  }

  @Test
  @DisplayName("a paper card: title, link, small print, authors, summary rendered and indented under it")
  void paperCard() {
    String drawn = new ConsoleRenderer().render(Message.of(card()));
    assertThat(drawn).isEqualTo("\n#2 A × B\n"
        + "   https://arxiv.org/abs/2406.04325\n"
        + "   ▲ 35 votes · #2 · 2024-06-07\n"
        + "   Authors: Yu Qiao, Lin Chen\n"
        + "   • 요약: 좋다\n"
        + "   • See https://example.com/p\n");
    assertThat(drawn).doesNotContain("**").doesNotContain("](").doesNotContain(ESC);
  }

  @Test
  @DisplayName("a card whose author list the digest cut says so: 'et al.' after the names")
  void cutAuthors() {
    Block.PaperCard whole = card();
    Block.PaperCard cut = new Block.PaperCard(whole.arxivId(), whole.title(), whole.absUrl(), whole.summary(),
        whole.votes(), whole.authors(), true, whole.thumbnail(), whole.video(), whole.dates(), whole.rank());
    assertThat(new ConsoleRenderer().render(Message.of(cut))).contains("   Authors: Yu Qiao, Lin Chen et al.\n");
    assertThat(new ConsoleRenderer().render(Message.of(whole))).doesNotContain("et al.");
  }

  @Test
  @DisplayName("styling only for a terminal: not when piped, not with NO_COLOR set (non-empty), not on TERM=dumb")
  void whenToStyle() {
    assertThat(TerminalStyle.forOutput(true, Map.of())).isEqualTo(TerminalStyle.ANSI);
    assertThat(TerminalStyle.forOutput(true, Map.of("TERM", "xterm-256color"))).isEqualTo(TerminalStyle.ANSI);
    assertThat(TerminalStyle.forOutput(false, Map.of())).isEqualTo(TerminalStyle.PLAIN);
    assertThat(TerminalStyle.forOutput(true, Map.of("NO_COLOR", "1"))).isEqualTo(TerminalStyle.PLAIN);
    assertThat(TerminalStyle.forOutput(true, Map.of("NO_COLOR", ""))).isEqualTo(TerminalStyle.ANSI);
    assertThat(TerminalStyle.forOutput(true, Map.of("TERM", "dumb"))).isEqualTo(TerminalStyle.PLAIN);
  }

  private static Block.PaperCard card() {
    return new Block.PaperCard("2406.04325", "A $\\times$ B", "https://arxiv.org/abs/2406.04325",
        "- **요약**: 좋다\n- See [https://example.com/p](https://example.com/p)", Optional.of(35),
        List.of("Yu Qiao", "Lin Chen"), Optional.empty(), Optional.empty(), List.of(LocalDate.of(2024, 6, 7)),
        Optional.of(2));
  }
}
