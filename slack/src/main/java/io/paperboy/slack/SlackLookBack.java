package io.paperboy.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the bot's own messages in a channel (or thread) were, as one history read found them, so
 * that all of a channel's interrupted deliveries are checked with ONE read after a crash instead
 * of one read each ({@code conversations.history} is tier 3: about 50 a minute per workspace).
 *
 * <p>A read at time R covering {@code [oldest, R]} stays true for a retry whose earlier attempt
 * started at or after {@code oldest}, provided nothing else posted to the channel for that key
 * since: this process's own later posts are {@link #record}ed into it, and a call whose outcome is
 * unknown (a timeout, a 5xx) {@link #forget}s the channel. Another instance's attempt may have
 * posted there until it was taken back (it paused past its lease, then went on posting its parts
 * until it found its lease lost), so a read answers a takeover only if it was made after the
 * earlier attempt was stopped ({@code stoppedBy}); at a restart every interrupted row was taken
 * back before the first read, so one read still serves them all. Entries expire after {@link
 * #TTL}, and at most {@link #MAX_CHANNELS} are kept.
 */
final class SlackLookBack {

  /** How long one read answers; a restart's look-back is over well within it. */
  static final Duration TTL = Duration.ofMinutes(15);
  static final int MAX_CHANNELS = 10_000;

  /** One read: from when, at when, and each key's parts by part number. */
  private static final class Read {
    final Instant oldest;
    final Instant readAt;
    final Map<String, Map<Integer, String>> parts = new HashMap<>();

    Read(Instant oldest, Instant readAt) {
      this.oldest = oldest;
      this.readAt = readAt;
    }
  }

  private final Map<String, Read> reads = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
      return size() > MAX_CHANNELS;
    }
  };

  /**
   * The parts of {@code key} the last read of {@code channel} saw, if that read covers {@code
   * since} and was made no earlier than {@code stoppedBy} (when known).
   */
  synchronized Optional<Map<Integer, String>> find(String channel, String key, Instant since,
      Optional<Instant> stoppedBy, Instant now) {
    Read read = reads.get(channel);
    if (read == null || read.readAt.plus(TTL).isBefore(now) || since.isBefore(read.oldest)
        || stoppedBy.filter(read.readAt::isBefore).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Map.copyOf(read.parts.getOrDefault(key, Map.of())));
  }

  /** A fresh read of {@code channel}: {@code parts} by key, covering {@code [oldest, readAt]}. */
  synchronized void store(String channel, Instant oldest, Instant readAt, Map<String, Map<Integer, String>> parts) {
    Read read = new Read(oldest, readAt);
    parts.forEach((k, v) -> read.parts.put(k, new HashMap<>(v)));
    reads.put(channel, read);
  }

  /** This process posted part {@code part} of {@code key} as {@code ts}: a cached read stays true. */
  synchronized void record(String channel, String key, int part, String ts) {
    Read read = reads.get(channel);
    if (read != null) {
      read.parts.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(part, ts);
    }
  }

  /** A call to {@code channel} ended with an unknown outcome: the cached read may be wrong now. */
  synchronized void forget(String channel) {
    reads.remove(channel);
  }
}
