package io.paperboy.bot.config;

import io.paperboy.scheduler.digest.DigestParser;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.quartz.CronExpression;

/**
 * When and how the ingest job polls the digest sources for the day's digest.
 *
 * @param cron           Quartz cron of the polls, in the configured time zone
 * @param firstTry       local time from which a day's digest is looked for
 * @param initialBackoff wait after the first unsuccessful try (doubling up to {@code maxBackoff})
 * @param maxBackoff     longest wait between tries
 * @param giveUpAt       local time after which a day without digest is given up (and logged once)
 * @param httpTimeout    timeout of one HTTP request to a source
 * @param maxPapersPerDay papers one day's digest may list; a digest with more is refused whole
 *                       ({@code file:line: reason}), since real days list at most about 70
 */
public record IngestConfig(String cron, String firstTry, String initialBackoff, String maxBackoff, String giveUpAt,
    String httpTimeout, Integer maxPapersPerDay) {

  public IngestConfig {
    cron = cron == null ? "0 0/5 * * * ?" : cron;
    firstTry = firstTry == null ? "00:00" : firstTry;
    initialBackoff = initialBackoff == null ? "5m" : initialBackoff;
    maxBackoff = maxBackoff == null ? "30m" : maxBackoff;
    giveUpAt = giveUpAt == null ? "23:30" : giveUpAt;
    httpTimeout = httpTimeout == null ? "30s" : httpTimeout;
    maxPapersPerDay = maxPapersPerDay == null ? DigestParser.DEFAULT_MAX_PAPERS : maxPapersPerDay;
    if (maxPapersPerDay < 1) {
      throw new ConfigException("ingest.max-papers-per-day", "must be at least 1, was " + maxPapersPerDay);
    }
    if (!CronExpression.isValidExpression(cron)) {
      throw new ConfigException("ingest.cron", Quoting.quote(cron) + " is not a Quartz cron expression (e.g. 0 0/5 * * * ?)");
    }
    time("ingest.first-try", firstTry);
    time("ingest.give-up-at", giveUpAt);
    ConfigDurations.parse("ingest.initial-backoff", initialBackoff);
    ConfigDurations.parse("ingest.max-backoff", maxBackoff);
    ConfigDurations.parse("ingest.http-timeout", httpTimeout);
  }

  public static IngestConfig defaults() {
    return new IngestConfig(null, null, null, null, null, null, null);
  }

  public LocalTime firstTryTime() {
    return time("ingest.first-try", firstTry);
  }

  public LocalTime giveUpTime() {
    return time("ingest.give-up-at", giveUpAt);
  }

  public Duration initialBackoffDuration() {
    return ConfigDurations.parse("ingest.initial-backoff", initialBackoff);
  }

  public Duration maxBackoffDuration() {
    return ConfigDurations.parse("ingest.max-backoff", maxBackoff);
  }

  public Duration httpTimeoutDuration() {
    return ConfigDurations.parse("ingest.http-timeout", httpTimeout);
  }

  private static LocalTime time(String key, String value) {
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException(key, Quoting.quote(value) + " is not a time of day as HH:MM");
    }
  }
}
