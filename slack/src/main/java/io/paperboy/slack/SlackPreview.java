package io.paperboy.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
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

  /** The JSON array of the given posts' arguments. */
  public static String toJson(List<SlackPost> posts) {
    List<Map<String, Object>> args = posts.stream().map(SlackPost::arguments).toList();
    return JSON.toJson(args);
  }
}
