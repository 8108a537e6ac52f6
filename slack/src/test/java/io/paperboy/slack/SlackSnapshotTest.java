package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.message.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The exact {@code chat.postMessage} arguments, kept as reviewed files under
 * {@code src/test/resources/slack/}. A change in rendering fails here until the file is reviewed
 * and regenerated with {@code -Dpaperboy.updateSnapshots=true}.
 */
@DisplayName("Slack snapshots: rendered blocks as reviewed JSON")
class SlackSnapshotTest {

  @Test
  @DisplayName("a paper card")
  void paperCard() throws IOException {
    assertSnapshot("paper-card.json", SlackPreview.previewJson(Message.of(DailyPosts.shareCard())));
  }

  @Test
  @DisplayName("a day's post")
  void dailyPost() throws IOException {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));
    assertSnapshot("daily-post.json", SlackPreview.previewJson(day));
  }

  @Test
  @DisplayName("a day's post as a thread")
  void threadPosts() throws IOException {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));
    SlackThreadPosts thread = new SlackRenderer().renderThreads(day);
    assertSnapshot("thread-head.json", SlackPreview.toJson(thread.head()));
    assertSnapshot("thread-replies.json", SlackPreview.toJson(thread.replies()));
  }

  private static void assertSnapshot(String name, String actual) throws IOException {
    String rendered = actual.strip() + "\n";
    if (Boolean.getBoolean("paperboy.updateSnapshots")) {
      Path file = Path.of("src/test/resources/slack", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, rendered, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = SlackSnapshotTest.class.getResourceAsStream("/slack/" + name)) {
      assertThat(in).as("snapshot slack/%s (create it with -Dpaperboy.updateSnapshots=true, then review it)", name)
          .isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      assertThat(rendered).as("rendering of slack/%s", name).isEqualTo(expected);
    }
  }
}
