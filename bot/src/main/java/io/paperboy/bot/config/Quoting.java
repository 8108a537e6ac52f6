package io.paperboy.bot.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every message quotes a value it names: in backticks, as the console and the chat platforms
 * do (they render it as code), so {@code `2024-13-45` is not a real date.} reads the same from
 * the CLI, the configuration and a command.
 */
public final class Quoting {

  private static final Pattern LEADING_SINGLE_QUOTED = Pattern.compile("^(\\w+: )?'([^']*)'");

  private Quoting() {}

  /** {@code `value`}; a backtick inside (which would end the span) becomes {@code '}. */
  public static String quote(Object value) {
    return "`" + String.valueOf(value).replace('`', '\'') + "`";
  }

  /**
   * A message from a module that still quotes with {@code '…'} ({@code 'someday' is not a day}),
   * with its leading quoted value in backticks instead. Only the value at the start is touched,
   * so an apostrophe further on ("Discord's") stays as written.
   */
  public static String requote(String message) {
    Matcher m = LEADING_SINGLE_QUOTED.matcher(message);
    if (!m.find()) {
      return message;
    }
    return (m.group(1) == null ? "" : m.group(1)) + quote(m.group(2)) + message.substring(m.end());
  }
}
