package io.paperboy.core.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses free text — Slack's slash-command {@code text}, a console line — against a command's
 * definition: positional values in option order, {@code name:value} for any option, shell-like
 * quoting ({@code "two words"}), and a trailing rest option that keeps the remaining text as typed.
 */
public final class TextCommandParser {

  private TextCommandParser() {}

  /**
   * Parses the argument text of command {@code def} ({@code "week 5"} for {@code /top}).
   *
   * @throws UsageException for unknown options, missing required ones, surplus or ill-typed values
   */
  public static ParsedCommand parse(CommandDefinition def, String text) {
    String rest = text == null ? "" : text.strip();
    if (!def.subcommands().isEmpty()) {
      if (rest.isEmpty()) {
        throw new UsageException("`/" + def.name() + "` needs a subcommand.", def.usage());
      }
      int space = indexOfWhitespace(rest);
      String subName = (space < 0 ? rest : rest.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
      String subText = space < 0 ? "" : rest.substring(space + 1);
      CommandDefinition sub = def.subcommand(subName).orElseThrow(() -> new UsageException(
          "`/" + def.name() + "` has no subcommand `" + subName + "`.", def.usage()));
      String usage = "/" + def.name() + " " + sub.usage().substring(1);
      return new ParsedCommand(def.name(), Optional.of(sub.name()), parseOptions(sub, usage, subText));
    }
    return new ParsedCommand(def.name(), Optional.empty(), parseOptions(def, def.usage(), rest));
  }

  private static Map<String, Object> parseOptions(CommandDefinition def, String usage, String text) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<OptionDefinition> options = def.options();
    int positional = 0;
    Cursor cursor = new Cursor(text);
    while (cursor.skipSpace()) {
      // a trailing rest option takes everything left, verbatim (a search query keeps its quotes)
      OptionDefinition next = nextUnfilled(options, values, positional);
      if (next != null && next.rest() && !cursor.startsWithNamedOption(options)) {
        String remainder = takeTrailingNamed(def, usage, cursor.remainder(), values);
        values.put(next.name(), convert(def, usage, next, remainder));
        break;
      }
      String token = cursor.token(usage);
      int colon = token.indexOf(':');
      OptionDefinition named = null;
      if (colon > 0) {
        String key = token.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        named = options.stream().filter(o -> o.name().equals(key)).findFirst().orElse(null);
      }
      if (named != null) {
        String raw = token.substring(colon + 1);
        if (named.rest()) {
          raw = (raw + " " + cursor.remainder()).strip();
          cursor.exhaust();
        }
        if (values.containsKey(named.name())) {
          throw new UsageException("`" + named.name() + "` is given twice.", usage);
        }
        values.put(named.name(), convert(def, usage, named, raw));
        continue;
      }
      while (positional < options.size() && values.containsKey(options.get(positional).name())) {
        positional++;
      }
      if (positional >= options.size()) {
        throw new UsageException("Unexpected `" + token + "`.", usage);
      }
      OptionDefinition o = options.get(positional++);
      values.put(o.name(), convert(def, usage, o, token));
    }
    for (OptionDefinition o : options) {
      if (o.required() && !values.containsKey(o.name())) {
        throw new UsageException("Missing `" + o.name() + "`: " + o.description() + ".", usage);
      }
    }
    return values;
  }

  /**
   * Strips trailing {@code name:value} tokens of other known options off a rest value
   * ({@code 확산 모델 n:5}, {@code diffusion vs:"video generation"}) and records them; the rest
   * keeps everything else as typed.
   */
  private static String takeTrailingNamed(CommandDefinition def, String usage, String remainder, Map<String, Object> values) {
    String text = remainder;
    while (true) {
      int quoted = trailingQuotedValue(text);
      if (quoted > 0) {
        int open = text.lastIndexOf('"', text.length() - 2);
        String key = text.substring(quoted, open - 1).toLowerCase(java.util.Locale.ROOT);
        OptionDefinition named = def.options().stream()
            .filter(o -> o.name().equals(key) && !o.rest()).findFirst().orElse(null);
        if (named != null && !values.containsKey(named.name())) {
          values.put(named.name(), convert(def, usage, named, text.substring(open + 1, text.length() - 1)));
          text = text.substring(0, quoted).stripTrailing();
          continue;
        }
      }
      int space = text.lastIndexOf(' ');
      String last = text.substring(space + 1);
      int colon = last.indexOf(':');
      if (space < 0 || colon <= 0) {
        return text;
      }
      String key = last.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      OptionDefinition named = def.options().stream()
          .filter(o -> o.name().equals(key) && !o.rest()).findFirst().orElse(null);
      if (named == null || values.containsKey(named.name())) {
        return text;
      }
      values.put(named.name(), convert(def, usage, named, last.substring(colon + 1)));
      text = text.substring(0, space).stripTrailing();
    }
  }

  /**
   * Where a trailing {@code name:"quoted value"} token starts in {@code text}, after a space; -1
   * when the text does not end with one.
   */
  private static int trailingQuotedValue(String text) {
    if (text.length() < 4 || !text.endsWith("\"")) {
      return -1;
    }
    int open = text.lastIndexOf('"', text.length() - 2);
    if (open < 2 || text.charAt(open - 1) != ':') {
      return -1;
    }
    int start = text.lastIndexOf(' ', open) + 1;
    String key = text.substring(start, open - 1);
    return start > 0 && key.matches("[A-Za-z][A-Za-z0-9_-]*") ? start : -1;
  }

  private static OptionDefinition nextUnfilled(List<OptionDefinition> options, Map<String, Object> values, int from) {
    for (int i = from; i < options.size(); i++) {
      if (!values.containsKey(options.get(i).name())) {
        return options.get(i);
      }
    }
    return null;
  }

  private static Object convert(CommandDefinition def, String usage, OptionDefinition o, String raw) {
    try {
      return OptionValues.convert(def, o, raw);
    } catch (UsageException e) {
      throw new UsageException(e.getMessage(), usage);
    }
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Walks the text token by token. */
  private static final class Cursor {
    private final String text;
    private int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      return pos < text.length();
    }

    String remainder() {
      String r = text.substring(pos).strip();
      pos = text.length();
      return r;
    }

    void exhaust() {
      pos = text.length();
    }

    boolean startsWithNamedOption(List<OptionDefinition> options) {
      for (OptionDefinition o : options) {
        if (text.regionMatches(true, pos, o.name() + ":", 0, o.name().length() + 1)) {
          return true;
        }
      }
      return false;
    }

    /** The next token; quotes group words and are removed; {@code key:"a b"} works too. */
    String token(String usage) {
      StringBuilder sb = new StringBuilder();
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
        char c = text.charAt(pos);
        if (c == '"' || c == '\'' || c == '“' || c == '”') {
          char close = c == '“' ? '”' : c;
          int end = text.indexOf(close, pos + 1);
          if (end < 0 && c == '“') {
            end = text.indexOf('"', pos + 1);
          }
          if (end < 0) {
            throw new UsageException("Unclosed quote at position " + (pos + 1) + ".", usage);
          }
          sb.append(text, pos + 1, end);
          pos = end + 1;
        } else {
          sb.append(c);
          pos++;
        }
      }
      return sb.toString();
    }
  }
}
