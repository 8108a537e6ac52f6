package io.paperboy.bot.cli;

import static io.paperboy.bot.config.Quoting.quote;

import io.paperboy.bot.subscriptions.SubscriptionChanges;
import io.paperboy.store.Platform;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The CLI's value types, converted with the words the console uses ({@code `2024-13-45` is not a
 * real date}) instead of picocli's defaults, which name Java classes ({@code cannot convert … to
 * class java.time.LocalDate}). Time of day and zone share {@code /subscribe}'s parsing, so both
 * accept and refuse the same values.
 */
final class Converters {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Map<String, Platform> PLATFORMS = Map.of(
      "discord", Platform.DISCORD, "slack", Platform.SLACK, "console", Platform.CONSOLE);

  private Converters() {}

  /** Registers every converter on {@code cli} and the subcommands it has now. */
  static void register(CommandLine cli) {
    cli.registerConverter(LocalDate.class, Converters::date);
    cli.registerConverter(LocalTime.class, text -> wrap(() -> SubscriptionChanges.parseTime(text)));
    cli.registerConverter(ZoneId.class, text -> wrap(() -> SubscriptionChanges.parseZone(text)));
    cli.registerConverter(ClockPin.class, ClockPin::parse);
    cli.registerConverter(Path.class, Converters::path);
    cli.registerConverter(Long.class, Converters::wholeNumber);
    cli.registerConverter(long.class, Converters::wholeNumber);
    cli.registerConverter(Boolean.class, Converters::yesNo);
    cli.registerConverter(Platform.class, Converters::platform);
    cli.registerConverter(PreviewCommand.Target.class, Converters::previewTarget);
  }

  static LocalDate date(String text) {
    String value = text.strip();
    if (!ISO_DATE.matcher(value).matches()) {
      throw new TypeConversionException(quote(text) + " is not a date as YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(quote(text) + " is not a real date");
    }
  }

  static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new TypeConversionException(quote(text) + " is not a valid path (" + e.getReason() + ")");
    }
  }

  static Long wholeNumber(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(quote(text) + " is not a whole number");
    }
  }

  static Boolean yesNo(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on" -> Boolean.TRUE;
      case "no", "false", "off" -> Boolean.FALSE;
      default -> throw new TypeConversionException(quote(text) + " is not yes or no");
    };
  }

  static Platform platform(String text) {
    Platform p = PLATFORMS.get(text.strip().toLowerCase(Locale.ROOT));
    if (p == null) {
      throw new TypeConversionException(quote(text) + " is not a platform (discord, slack or console)");
    }
    return p;
  }

  static PreviewCommand.Target previewTarget(String text) {
    try {
      return PreviewCommand.Target.valueOf(text.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(quote(text) + " is not a platform a post can be previewed for (discord or slack)");
    }
  }

  /** {@code /subscribe}'s parsers say {@code time: `25:61` is not …}; the CLI names the option itself. */
  private static <T> T wrap(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage().replaceFirst("^\\w+: ", ""));
    }
  }
}
