package io.paperboy.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content arguments of one {@code chat.postMessage} (or one slash-command answer): the
 * fallback {@code text} Slack shows in notifications and the Block Kit {@code blocks}. Channel,
 * thread and metadata are added by whoever posts it.
 *
 * @param text   fallback text, already mrkdwn-escaped
 * @param blocks Block Kit blocks, within Slack's limits
 */
public record SlackPost(String text, List<LayoutBlock> blocks) {

  public SlackPost {
    Objects.requireNonNull(text, "text");
    blocks = List.copyOf(blocks);
  }

  /**
   * The {@code chat.postMessage} arguments as Slack documents them. {@code link_names} stays off
   * so a plain {@code @channel} in digest text pings nobody; unfurling is off so a day's post does
   * not grow a preview card per link.
   */
  public Map<String, Object> arguments() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("text", text);
    args.put("blocks", blocks);
    args.put("link_names", false);
    args.put("unfurl_links", false);
    args.put("unfurl_media", false);
    return args;
  }
}
