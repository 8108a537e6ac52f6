package io.paperboy.discord;

import io.paperboy.core.message.Block.PaperCard;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.Snapshots;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rendered request bodies, pinned as reviewed snapshots under
 * {@code src/test/resources/discord/}. After an intended change, regenerate them with
 * {@code -Dpaperboy.updateSnapshots=true} ({@link Snapshots}), read the diff, and commit it.
 */
@DisplayName("Discord JSON snapshots")
class DiscordSnapshotTest {

  private static final Snapshots SNAPSHOTS = Snapshots.in("discord");

  static PaperCard referenceCard() {
    return new PaperCard("2406.04325",
        "ShareGPT4Video: Improving Video Understanding & Generation with 10$\\times$ Better <Captions>",
        "https://arxiv.org/abs/2406.04325",
        """
        - **ShareGPT4Video** 시리즈는 높은 밀도와 정밀한 캡션을 통해 비디오 이해를 개선한다.
        - 세 가지 구성 요소:
          1. 40K GPT4V 캡션
          2. *ShareCaptioner-Video*
        - 학습 비용은 3$\\times$ 낮고, `@everyone` 이나 @here 는 핑이 아니다.
        """,
        Optional.of(35), List.of("Yu Qiao", "Feng Zhao", "Lin Chen", "Jinsong Li", "Xilin Wei", "Zehui Chen",
            "Haodong Duan", "Pan Zhang"),
        Optional.of("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.04325.png"),
        Optional.empty(), List.of(LocalDate.of(2024, 6, 7)), Optional.of(1));
  }

  @Test
  @DisplayName("a paper card")
  void paperCard() {
    SNAPSHOTS.assertMatches("paper-card.json", DiscordPreview.previewJson(Message.of(referenceCard())));
  }

  @Test
  @DisplayName("a day's post")
  void dailyPost() {
    PaperCard second = TestPapers.card(2, "Step-aware Preference Optimization: Aligning Preference with Denoising",
        "1) **Tokenizer**: 새로운 토크나이저\n2) **Results**: $\\alpha$ = 0.5 에서 최고 성능\n", TestPapers.authors(1000),
        Optional.empty());
    PaperCard third = TestPapers.card(3, "Plain paragraphs [IDK] token", "첫 문단.\n\n두 번째 문단, snake_case 와 2*3*4.",
        List.of(), Optional.of(4));
    SNAPSHOTS.assertMatches("daily-post.json", DiscordPreview.previewJson(
        TestPapers.dailyPost(LocalDate.of(2024, 6, 7), List.of(referenceCard(), second, third))));
  }
}
