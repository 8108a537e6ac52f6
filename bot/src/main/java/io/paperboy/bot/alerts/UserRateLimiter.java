package io.paperboy.bot.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding-window limit per user: at most {@code max} calls in any {@code window}. */
final class UserRateLimiter {

  private final int max;
  private final Duration window;
  private final Map<String, Deque<Instant>> calls = new ConcurrentHashMap<>();

  UserRateLimiter(int max, Duration window) {
    this.max = max;
    this.window = window;
  }

  /** Records a call at {@code now}; empty when allowed, else how long to wait. */
  Optional<Duration> acquire(String user, Instant now) {
    Deque<Instant> times = calls.computeIfAbsent(user, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() >= max) {
        return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
      }
      times.addLast(now);
      return Optional.empty();
    }
  }
}
