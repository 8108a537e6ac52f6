package io.paperboy.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Message;
import java.util.List;
import java.util.Map;

/**
 * {@code paperboy preview --platform slack}: the {@code chat.postMessage} arguments a day's post
 * would send, as a JSON array, so a user can paste them into Slack's Block Kit Builder or diff them.
 */
public final class SlackPreview {

  // the SDK's own serialisation (snake_case, its block adapters), readable: pretty, '<' not \u003c
  private static final Gson JSON = GsonFactory.createSnakeCase().newBuilder()
      .disableHtmlEscaping()
      .setPrettyPrinting()
      .create();

  private SlackPreview() {}

  /** The JSON array of {@code chat.postMessage} argument sets (text, blocks, …) for {@code dailyPost}. */
  public static String previewJson(Message dailyPost) {
    return toJson(new SlackRenderer().render(dailyPost));
  }

  /**
   * How many Slack messages a post takes in {@code style}, as {@link SlackGateway#post} sends it:
   * the rendered posts, or in threads style the head posts and one reply per card. Renders, posts
   * nothing; {@code /preview} and the delivery worker's message bound both count with it.
   */
  public static int messages(Message post, PostStyle style) {
    return messages(new SlackRenderer(), post, style);
  }

  static int messages(SlackRenderer renderer, Message post, PostStyle style) {
    if (style == PostStyle.THREADS) {
      SlackThreadPosts thread = renderer.renderThreads(post);
      return thread.head().size() + thread.replies().size();
    }
    return renderer.render(post).size();
  }

  /** The JSON array of the given posts' arguments. */
  public static String toJson(List<SlackPost> posts) {
    List<Map<String, Object>> args = posts.stream().map(SlackPost::arguments).toList();
    return JSON.toJson(args);
  }
}
