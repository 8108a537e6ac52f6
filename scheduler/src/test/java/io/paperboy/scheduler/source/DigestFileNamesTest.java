package io.paperboy.scheduler.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the dates a digest file's name carries")
class DigestFileNamesTest {

  private static final LocalDate DAY = LocalDate.of(2024, 6, 7);

  @Test
  @DisplayName("2024-06-07.md, 20240607.md, 2024/06/07.md and 2024/06/07/*.md name the day; other names none")
  void shapes() {
    assertThat(DigestFileNames.datesOf(Path.of("seeds/2024-06-07.md"))).containsExactly(DAY);
    assertThat(DigestFileNames.datesOf(Path.of("inbox/20240607.md"))).containsExactly(DAY);
    assertThat(DigestFileNames.datesOf(Path.of("paper_logs/2024/06/07.md"))).containsExactly(DAY);
    assertThat(DigestFileNames.datesOf(Path.of("2024/06/07/digest.md"))).containsExactly(DAY);
    assertThat(DigestFileNames.datesOf(Path.of("/abs/2024/06/07.MD"))).containsExactly(DAY);
    // a name date first, then the folders' date
    assertThat(DigestFileNames.datesOf(Path.of("2024/06/07/2024-06-08.md")))
        .containsExactly(DAY.plusDays(1), DAY);
    for (String none : new String[] {"digest.md", "2024-13-45.md", "2024/6/7.md", "2024-06-07.txt", "24/06/07.md",
        "2024-06-07-notes.md", "README.md"}) {
      assertThat(DigestFileNames.datesOf(Path.of(none))).as(none).isEmpty();
    }
  }

  @Test
  @DisplayName("URLs as sources report them: the path names the day, query and fragment aside")
  void urls() {
    assertThat(DigestFileNames.datesOf("https://host/paper_logs/2024/06/07.md?ref=main#top")).containsExactly(DAY);
    assertThat(DigestFileNames.datesOf("https://host/daily/2024-06-07.md")).containsExactly(DAY);
    assertThat(DigestFileNames.datesOf("https://host/latest.md")).isEmpty();
    assertThat(DigestFileNames.datesOf("https://huggingface.co/api/daily_papers?date=2024-06-07")).isEmpty();
  }
}
