package io.paperboy.bot.config;

import io.paperboy.store.delivery.DaySet;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Daily posts: subscription defaults, catch-up, retries and the delivery worker. Durations are
 * written {@code 500ms}, {@code 90s}, {@code 10m}, {@code 24h}, {@code 2d} (or ISO-8601).
 *
 * @param time             default posting time of a new subscription (HH:MM, in the top-level timezone)
 * @param days             default days of a new subscription: weekdays, daily, weekends or mon,wed,…
 * @param catchUpWindow    how late a missed post may still go out after downtime; older ones are
 *                         skipped and logged
 * @param maxAttempts      attempts before a post that keeps failing (5xx, timeouts) is marked failed
 * @param retryBase        the first retry's delay; each further retry doubles it (with jitter)
 * @param retryMax         the longest delay between two retries
 * @param parallelism      channels posted to at the same time (each channel stays in order)
 * @param pollInterval     how often the worker looks at the outbox when nobody wakes it
 * @param subscribeConsole whether {@code run} subscribes the console channel when no platform
 *                         adapter is configured, so the daily post shows in the terminal
 * @param maxPapers        cards one daily post shows at most, whatever a subscription's top says;
 *                         the rest is one "…and N more: /digest DATE" line (real days: about 70)
 * @param maxMessages      platform messages one daily post takes at most; cards that would need
 *                         more join that line instead
 */
public record DeliveryConfig(
    String time,
    String days,
    String catchUpWindow,
    Integer maxAttempts,
    String retryBase,
    String retryMax,
    Integer parallelism,
    String pollInterval,
    Boolean subscribeConsole,
    Integer maxPapers,
    Integer maxMessages) {

  /** Channels posted to at the same time unless configured otherwise: Discord's global allowance and some. */
  public static final int DEFAULT_PARALLELISM = 64;
  /** Cards a daily post shows unless configured otherwise. */
  public static final int DEFAULT_MAX_PAPERS = 100;
  /** Messages a daily post takes unless configured otherwise: a real day in threads style is ~71. */
  public static final int DEFAULT_MAX_MESSAGES = 100;

  public DeliveryConfig {
    time = time == null ? "09:00" : time;
    days = days == null ? "weekdays" : days;
    catchUpWindow = catchUpWindow == null ? "24h" : catchUpWindow;
    maxAttempts = maxAttempts == null ? 8 : maxAttempts;
    retryBase = retryBase == null ? "2s" : retryBase;
    retryMax = retryMax == null ? "10m" : retryMax;
    // Discord lets a bot send 50 requests in a second: a fan-out keeps that pace only if as many posts
    // are ready when a second's slots open. With 4 posting threads the few ready posts went out at
    // once and the rest trickled; each second that began late moved every later one (the pacing's
    // sliding window keeps it), so the day settled to a steady 50/s, a whole second (5 %) short of
    // the ceiling (DiscordFanOutBenchmark). The threads mostly wait for their slot: cheap.
    parallelism = parallelism == null ? DEFAULT_PARALLELISM : parallelism;
    pollInterval = pollInterval == null ? "5s" : pollInterval;
    subscribeConsole = subscribeConsole == null ? Boolean.TRUE : subscribeConsole;
    maxPapers = maxPapers == null ? DEFAULT_MAX_PAPERS : maxPapers;
    maxMessages = maxMessages == null ? DEFAULT_MAX_MESSAGES : maxMessages;
    if (maxPapers < 1) {
      throw new ConfigException("delivery.max-papers", "must be at least 1, was " + maxPapers);
    }
    if (maxMessages < 2) {
      // one message for the cards that fit and the "…and N more" line, one for the header at least
      throw new ConfigException("delivery.max-messages", "must be at least 2, was " + maxMessages);
    }
    try {
      LocalTime.parse(time);
    } catch (DateTimeParseException e) {
      throw new ConfigException("delivery.time", Quoting.quote(time) + " is not a time of day as HH:MM (e.g. 09:00)");
    }
    try {
      DaySet.parse(days);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("delivery.days", Quoting.requote(e.getMessage()));
    }
    if (ConfigDurations.parse("delivery.catch-up-window", catchUpWindow).isNegative()) {
      throw new ConfigException("delivery.catch-up-window", "must not be negative");
    }
    if (maxAttempts < 1) {
      throw new ConfigException("delivery.max-attempts", "must be at least 1, was " + maxAttempts);
    }
    Duration base = ConfigDurations.parse("delivery.retry-base", retryBase);
    Duration max = ConfigDurations.parse("delivery.retry-max", retryMax);
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new ConfigException("delivery.retry-base", "retry-base must be positive and at most retry-max ("
          + retryBase + " / " + retryMax + ")");
    }
    if (parallelism < 1 || parallelism > 64) {
      throw new ConfigException("delivery.parallelism", "must be 1 to 64, was " + parallelism);
    }
    Duration poll = ConfigDurations.parse("delivery.poll-interval", pollInterval);
    if (poll.isNegative() || poll.isZero()) {
      throw new ConfigException("delivery.poll-interval", "must be positive, was " + pollInterval);
    }
  }

  public static DeliveryConfig defaults() {
    return new DeliveryConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  public LocalTime defaultTime() {
    return LocalTime.parse(time);
  }

  public DaySet defaultDays() {
    return DaySet.parse(days);
  }

  public Duration catchUp() {
    return ConfigDurations.parse("delivery.catch-up-window", catchUpWindow);
  }

  public Duration retryBaseDelay() {
    return ConfigDurations.parse("delivery.retry-base", retryBase);
  }

  public Duration retryMaxDelay() {
    return ConfigDurations.parse("delivery.retry-max", retryMax);
  }

  public Duration poll() {
    return ConfigDurations.parse("delivery.poll-interval", pollInterval);
  }
}
