package io.paperboy.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures of the verified requests still inside the freshness window, so an exact replay
 * of one is refused. A signature covers its timestamp, so once that timestamp is more than the
 * window old a replay fails the freshness check anyway and the entry can go: each entry lives
 * until its request's timestamp plus the window.
 *
 * <p>Only requests whose signature verified are recorded, so only Slack (or whoever holds the
 * signing secret) can add entries. The size is still bounded: when {@code capacity} live entries
 * are held (more than 33 verified requests a second for five minutes at the default), new
 * requests are refused ({@link Outcome#FULL}) until entries expire, rather than forgetting one
 * and letting its replay through.
 *
 * <p>The memory is this process's own. Behind a load balancer with several instances, a request
 * replayed to another instance than the one that saw it is accepted there; that is still bounded
 * by the five-minute window. Closing it would take a store shared by the instances.
 */
final class SeenSignatures {

  /** What {@link #firstUse} found. */
  enum Outcome { FIRST, REPLAY, FULL }

  static final int DEFAULT_CAPACITY = 10_000;

  private final Clock clock;
  private final Duration window;
  private final int capacity;
  // insertion order is close to expiry order (timestamps are within the window of arrival), so
  // expired entries are mostly found at the head
  private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

  SeenSignatures(Clock clock, Duration window, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.clock = clock;
    this.window = window;
    this.capacity = capacity;
  }

  /**
   * Records {@code signature} of a request dated {@code timestamp} and says whether it was its
   * first use; checking and recording are one step, so of two identical requests racing, one wins.
   */
  synchronized Outcome firstUse(String signature, Instant timestamp) {
    Instant now = clock.instant();
    dropExpiredAtHead(now);
    Instant expiry = expiries.get(signature);
    if (expiry != null && !expiry.isBefore(now)) {
      return Outcome.REPLAY;
    }
    if (expiry == null && expiries.size() >= capacity) {
      expiries.values().removeIf(e -> e.isBefore(now));
      if (expiries.size() >= capacity) {
        return Outcome.FULL;
      }
    }
    expiries.put(signature, timestamp.plus(window));
    return Outcome.FIRST;
  }

  /** How many signatures are held (expired ones may linger until the next call). */
  synchronized int size() {
    return expiries.size();
  }

  private void dropExpiredAtHead(Instant now) {
    Iterator<Map.Entry<String, Instant>> it = expiries.entrySet().iterator();
    while (it.hasNext() && it.next().getValue().isBefore(now)) {
      it.remove();
    }
  }
}
