package io.paperboy.slack;

import io.paperboy.core.message.Message;
import io.paperboy.testkit.Snapshots;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The exact {@code chat.postMessage} arguments, kept as reviewed files under
 * {@code src/test/resources/slack/}. A change in rendering fails here until the file is reviewed
 * and regenerated with {@code -Dpaperboy.updateSnapshots=true} ({@link Snapshots}).
 */
@DisplayName("Slack snapshots: rendered blocks as reviewed JSON")
class SlackSnapshotTest {

  private static final Snapshots SNAPSHOTS = Snapshots.in("slack");

  @Test
  @DisplayName("a paper card")
  void paperCard() {
    SNAPSHOTS.assertMatches("paper-card.json", SlackPreview.previewJson(Message.of(DailyPosts.shareCard())));
  }

  @Test
  @DisplayName("a day's post")
  void dailyPost() {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));
    SNAPSHOTS.assertMatches("daily-post.json", SlackPreview.previewJson(day));
  }

  @Test
  @DisplayName("a day's post as a thread")
  void threadPosts() {
    Message day = DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));
    SlackThreadPosts thread = new SlackRenderer().renderThreads(day);
    SNAPSHOTS.assertMatches("thread-head.json", SlackPreview.toJson(thread.head()));
    SNAPSHOTS.assertMatches("thread-replies.json", SlackPreview.toJson(thread.replies()));
  }
}
