package io.paperboy.bot.cli;

import io.paperboy.bot.config.Quoting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code --now} pins the clock to: a day ({@code 2024-06-07}: noon in the configured zone,
 * known only once the configuration is read) or an instant ({@code 2024-06-07T09:00:00Z}, or with
 * an offset). Checked when the command line is parsed, so a bad value is a usage error like any other.
 */
record ClockPin(Optional<LocalDate> day, Optional<Instant> instant) {

  static ClockPin parse(String text) {
    String value = text.strip();
    try {
      if (value.length() == 10) {
        return new ClockPin(Optional.of(LocalDate.parse(value)), Optional.empty());
      }
      try {
        return new ClockPin(Optional.empty(), Optional.of(Instant.parse(value)));
      } catch (DateTimeParseException e) {
        return new ClockPin(Optional.empty(), Optional.of(OffsetDateTime.parse(value).toInstant()));
      }
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(Quoting.quote(text)
          + " is neither a date (2024-06-07) nor an instant (2024-06-07T09:00:00Z or 2024-06-07T09:00:00+09:00)");
    }
  }

  Instant at(ZoneId zone) {
    return instant.orElseGet(() -> day.orElseThrow().atTime(12, 0).atZone(zone).toInstant());
  }
}
