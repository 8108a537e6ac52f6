package io.paperboy.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a slash command's {@code text} as Slack sends it back into what the user typed, for the
 * shared parser. With escaping on, Slack wraps links ({@code <https://arxiv.org/abs/…>}) and
 * HTML-escapes {@code & < >}; user, channel and group references ({@code <@U1|ada>},
 * {@code <!subteam^S1>}) are kept, since user options parse them.
 */
final class SlashCommandText {

  private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>]+)(?:\\|[^>]*)?>");

  private SlashCommandText() {}

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = LINK.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1)));
    }
    m.appendTail(sb);
    // '&amp;' last, so an escaped "&lt;" typed by the user stays "&lt;"
    return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
  }
}
