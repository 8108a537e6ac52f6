package io.paperboy.core.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts and checks one raw option value against its definition; shared by every platform. */
public final class OptionValues {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  // <@123>, <@!123>, <@U123|name>, <@&123>, <!subteam^S123|@team>
  private static final Pattern USER_MENTION = Pattern.compile("<@!?([A-Za-z0-9]+)(?:\\|[^>]*)?>");
  private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>|<!subteam\\^([A-Za-z0-9]+)(?:\\|[^>]*)?>");

  private OptionValues() {}

  /**
   * The typed value of {@code raw} for option {@code option} of command {@code def}.
   *
   * @throws UsageException naming the option, the bad value and what is allowed
   */
  public static Object convert(CommandDefinition def, OptionDefinition option, String raw) {
    String value = raw.trim();
    switch (option.type()) {
      case INTEGER -> {
        long n;
        try {
          n = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw bad(def, option, raw, "a whole number");
        }
        if (option.min() != null && n < option.min() || option.max() != null && n > option.max()) {
          throw bad(def, option, raw, "a number from " + option.min() + " to " + option.max());
        }
        return n;
      }
      case BOOLEAN -> {
        return switch (value.toLowerCase(Locale.ROOT)) {
          case "true", "yes", "on", "1" -> Boolean.TRUE;
          case "false", "no", "off", "0" -> Boolean.FALSE;
          default -> throw bad(def, option, raw, "yes or no");
        };
      }
      case DATE -> {
        String lower = value.toLowerCase(Locale.ROOT);
        if (option.choices().contains(lower)) {
          return lower;
        }
        if (ISO_DATE.matcher(value).matches()) {
          try {
            return LocalDate.parse(value).toString();
          } catch (DateTimeParseException e) {
            throw new UsageException("`" + raw + "` is not a real date.", def.usage());
          }
        }
        throw bad(def, option, raw, option.choices().isEmpty()
            ? "a date as YYYY-MM-DD" : String.join(", ", option.choices()) + " or a date as YYYY-MM-DD");
      }
      case USER -> {
        Matcher m = USER_MENTION.matcher(value);
        if (m.matches()) {
          return m.group(1);
        }
        if (value.matches("[A-Za-z0-9]+")) {
          return value;
        }
        throw bad(def, option, raw, "a user mention");
      }
      case MENTIONABLE -> {
        Matcher role = ROLE_MENTION.matcher(value);
        if (role.matches()) {
          return "role:" + (role.group(1) != null ? role.group(1) : role.group(2));
        }
        Matcher user = USER_MENTION.matcher(value);
        if (user.matches()) {
          return "user:" + user.group(1);
        }
        if (value.matches("(user|role):[A-Za-z0-9]+")) {
          return value;
        }
        throw bad(def, option, raw, "a user or role mention");
      }
      default -> {
        if (!option.choices().isEmpty()) {
          Optional<String> match = option.choices().stream().filter(c -> c.equalsIgnoreCase(value)).findFirst();
          return match.orElseThrow(() -> bad(def, option, raw, "one of " + String.join(", ", option.choices())));
        }
        if (value.isEmpty() && option.required()) {
          throw new UsageException("`" + option.name() + "` must not be empty.", def.usage());
        }
        return option.rest() ? value : value;
      }
    }
  }

  private static UsageException bad(CommandDefinition def, OptionDefinition option, String raw, String expected) {
    return new UsageException(
        "`" + option.name() + "` must be " + expected + ", not `" + raw.trim() + "`.", def.usage());
  }
}
