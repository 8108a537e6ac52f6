package io.paperboy.discord;

import io.paperboy.core.message.Block.PaperCard;
import io.paperboy.core.message.Message;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Real-shaped papers written for these tests (the shared seed days are never copied): Korean
 * bullet summaries with bold labels and nested lists, LaTeX-ish and HTML-special titles, author
 * lists up to a thousand names, and the daily post message built from them.
 */
final class TestPapers {

  static final LocalDate DAY = LocalDate.of(2024, 6, 7);

  private TestPapers() {}

  static PaperCard card(int rank, String title, String summary, List<String> authors, Optional<Integer> votes) {
    String id = String.format("2406.%05d", 4000 + rank);
    return new PaperCard(id, title, "https://arxiv.org/abs/" + id, summary, votes, authors,
        Optional.of("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/" + id + ".png"),
        Optional.empty(), List.of(DAY), Optional.of(rank));
  }

  /** A typical entry, like the first paper of 2024-06-07. */
  static PaperCard typical(int rank) {
    return card(rank, "ShareGPT4Video: Improving Video Understanding and Generation with Better Captions",
        """
        - **ShareGPT4Video** 시리즈는 높은 밀도와 정밀한 캡션을 통해 대규모 비디오-언어 모델(LVLM)의 이해 및 생성 능력을 개선한다.
        - 세 가지 구성 요소: 1) 40K 캡션, 2) *ShareCaptioner-Video*, 3) ShareGPT4Video-8B.
          - 4.8M 고품질 비디오에 주석을 달았다.
        - 학습 비용은 기존 대비 3$\\times$ 낮다.
        """,
        List.of("Yu Qiao", "Feng Zhao", "Lin Chen", "Jinsong Li", "Xilin Wei", "Zehui Chen", "Haodong Duan"),
        Optional.of(35));
  }

  /** A summary well past one embed's 4,096 characters. */
  static String longSummary(int rank, int bullets) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= bullets; i++) {
      sb.append("- ***What's New ").append(i).append("***: 논문 ").append(rank)
          .append("은 대규모 언어 모델의 추론 능력을 향상시키기 위해 새로운 강화 학습 방법을 제안하며, ")
          .append("기존 방법 대비 2$\\times$ 빠른 수렴과 더 높은 정확도를 보인다. 실험은 수학, 코드, 상식 추론 ")
          .append("벤치마크에서 수행되었고 모든 설정에서 일관된 개선을 확인했다.\n");
    }
    return sb.toString();
  }

  static List<String> authors(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "Author Number" + i + " Lastname").toList();
  }

  /**
   * The largest real-shaped day: 70 papers, every summary long (several past 4,096 characters),
   * one paper with 1,000 authors, titles at the 256 limit and with {@code & < > $ [ ]}, and
   * {@code @everyone} / {@code <@id>} inside a summary.
   */
  static List<PaperCard> hardestDay() {
    List<PaperCard> cards = new ArrayList<>();
    for (int rank = 1; rank <= 70; rank++) {
      String title = switch (rank % 7) {
        case 0 -> "Scaling Laws for <Sparse> & Dense Models: 10$\\times$ Fewer FLOPs with an [IDK] Token";
        case 1 -> "A".repeat(40) + " " + "Very Long Title About Multimodal Reasoning ".repeat(8);
        case 2 -> "$\\alpha$-Blend: Mixing Experts at $O(n^2)$ Cost & Beyond";
        default -> "Paper " + rank + ": Efficient Training of Diffusion Transformers";
      };
      int bullets = rank % 5 == 0 ? 30 : 8;
      String summary = longSummary(rank, bullets);
      if (rank == 3) {
        summary += "- 주의: @everyone 와 @here 그리고 <@" + "1500000000000000001> 는 핑이 아니다.\n";
      }
      List<String> authors = rank == 2 ? authors(1000) : authors(rank % 9 + 1);
      cards.add(card(rank, title, summary, authors, rank % 11 == 0 ? Optional.empty() : Optional.of(200 - rank)));
    }
    return cards;
  }

  /** The day's post: a header, one card per entry, and a context line. */
  static Message dailyPost(LocalDate day, List<PaperCard> cards) {
    Message.Builder post = Message.builder().header("Daily Papers (" + day + ")");
    cards.forEach(post::add);
    return post.context(cards.size() + " papers", "Source: Daily Papers digest").build();
  }
}
