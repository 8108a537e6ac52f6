package io.paperboy.slack;

import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Daily-post messages for tests, shaped like the daily post formatter's: a header, a context line,
 * one card per entry in rank order, a closing context line. Texts are written here, not copied from
 * the digest.
 */
final class DailyPosts {

  static final LocalDate DAY = LocalDate.of(2024, 6, 7);

  private DailyPosts() {}

  static Message dailyPost(LocalDate date, List<Block.PaperCard> cards) {
    Message.Builder b = Message.builder()
        .header("Daily Papers — " + date)
        .context(date + " · " + cards.size() + (cards.size() == 1 ? " paper" : " papers"));
    cards.forEach(b::add);
    b.context("Summaries from the Korean Daily Papers digest (CC BY-NC-ND 4.0) · /paper ID for details");
    return b.build();
  }

  /** A small, typical card. */
  static Block.PaperCard shareCard() {
    return new Block.PaperCard("2406.04325",
        "Captions & Clips: Better <Video> Understanding with $4\\times$ Denser Captions",
        "https://arxiv.org/abs/2406.04325",
        """
            - 비디오 캡션을 **조밀하게** 만들어 비디오-언어 모델의 이해와 생성 능력을 높인다.
            - 세 가지 구성 요소: _데이터셋_, 캡션 모델, 그리고 `8B` 모델.
            - 평가는 [벤치마크](https://example.org/bench?a=1&b=2)에서 진행했다.""",
        Optional.of(35),
        List.of("Ada Lovelace", "Alan Turing", "Grace Hopper"),
        Optional.of("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.04325.png"),
        Optional.empty(),
        List.of(DAY),
        Optional.of(1));
  }

  /** A second card: no votes, no thumbnail, a video, a paragraph summary with a hostile mention. */
  static Block.PaperCard videoCard() {
    return new Block.PaperCard("2406.04314",
        "Step-aware Preference Optimization",
        "https://arxiv.org/abs/2406.04314",
        "단계별 선호 최적화 <!channel> 를 제안한다. 1 < 2 & 3 > 2.\n\n두 번째 문단 <@U123ABC>.",
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.of("https://cdn.example.org/clip.mp4"),
        List.of(DAY.minusDays(1), DAY),
        Optional.of(2));
  }

  /**
   * The largest real-shaped day: 70 papers with long multi-bullet summaries (about 2,400 to 5,000
   * chars), one paper with 1,000 authors, {@code &}, {@code <}, {@code >} in titles, and mentions
   * that must stay inert.
   */
  static List<Block.PaperCard> largestDay() {
    List<Block.PaperCard> cards = new ArrayList<>();
    for (int i = 1; i <= 70; i++) {
      List<String> authors = new ArrayList<>();
      int authorCount = i == 7 ? 1_000 : 3 + i % 20;
      for (int a = 1; a <= authorCount; a++) {
        authors.add("Author" + a + " Surname" + (a * 7 % 13));
      }
      cards.add(new Block.PaperCard(
          String.format("2406.%05d", 10_000 + i),
          "Paper " + i + ": Q&A <Agents> -> Scaling \"Laws\" & $\\alpha$-Tuning for <!here> Models > Baselines",
          "https://arxiv.org/abs/" + String.format("2406.%05d", 10_000 + i),
          longSummary(i),
          i % 9 == 0 ? Optional.empty() : Optional.of(500 - i),
          authors,
          i % 5 == 0 ? Optional.empty()
              : Optional.of("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406." + (10_000 + i) + ".png"),
          Optional.empty(),
          List.of(DAY),
          Optional.of(i)));
    }
    return cards;
  }

  /** The bullets of {@link #longSummary}, as they must appear after mrkdwn escaping. */
  static List<String> longSummaryBullets(int i) {
    List<String> bullets = new ArrayList<>();
    int count = 6 + i % 7;
    for (int b = 1; b <= count; b++) {
      bullets.add("[" + i + "." + b + "] 이 논문은 대규모 언어 모델의 추론 능력을 개선하기 위한 새로운 방법을 제안하며, "
          + "실험에서 기존 방법 대비 12.5% 향상 & 지연 시간 <30ms> 를 달성했다. 👩🏽‍🔬 연구진은 "
          + "데이터 품질, 모델 크기, 학습 단계의 상호작용을 분석하고 @channel 없이도 재현 가능한 설정을 공개했다. "
          + "추가로 긴 문맥에서의 일반화 성능과 다국어 평가 결과를 상세히 보고한다.");
    }
    return bullets;
  }

  private static String longSummary(int i) {
    StringBuilder sb = new StringBuilder();
    for (String bullet : longSummaryBullets(i)) {
      sb.append("- ").append(bullet).append('\n');
    }
    return sb.toString();
  }
}
