package io.paperboy.testkit.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Discord's documented message limits, enforced by the fake: about 50 requests per second for the
 * bot as a whole, and about 5 messages per 5 seconds per channel (sliding windows).
 */
public final class RateLimits {

  private final int globalPerSecond;
  private final int perChannel;
  private final long channelWindowMillis;
  private final Deque<Long> global = new ArrayDeque<>();
  private final Map<String, Deque<Long>> channels = new HashMap<>();

  public RateLimits(int globalPerSecond, int perChannel, long channelWindowMillis) {
    this.globalPerSecond = globalPerSecond;
    this.perChannel = perChannel;
    this.channelWindowMillis = channelWindowMillis;
  }

  public static RateLimits discord() {
    return new RateLimits(50, 5, 5_000);
  }

  /** Takes a slot and returns 0, or returns how many ms to wait before one is free. */
  public synchronized long acquire(String channel) {
    long now = System.nanoTime() / 1_000_000;
    trim(global, now, 1_000);
    Deque<Long> ch = channels.computeIfAbsent(channel, c -> new ArrayDeque<>());
    trim(ch, now, channelWindowMillis);
    long wait = 0;
    if (global.size() >= globalPerSecond) {
      wait = Math.max(wait, global.peekFirst() + 1_000 - now);
    }
    if (ch.size() >= perChannel) {
      wait = Math.max(wait, ch.peekFirst() + channelWindowMillis - now);
    }
    if (wait > 0) {
      return wait;
    }
    global.addLast(now);
    ch.addLast(now);
    return 0;
  }

  /**
   * The least time {@code messages} messages spread evenly over {@code channelCount} channels can
   * take under these limits: with sliding windows the first window's worth goes at once, each
   * further one a window later.
   */
  public double floorSeconds(int messages, int channelCount) {
    double byGlobal = Math.max(0, (messages + globalPerSecond - 1) / globalPerSecond - 1);
    int perChannelMessages = (messages + channelCount - 1) / channelCount;
    double byChannel = Math.max(0, (perChannelMessages + perChannel - 1) / perChannel - 1)
        * channelWindowMillis / 1000.0;
    return Math.max(byGlobal, byChannel);
  }

  private static void trim(Deque<Long> window, long now, long span) {
    while (!window.isEmpty() && window.peekFirst() <= now - span) {
      window.pollFirst();
    }
  }
}
