package io.paperboy.store.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** {@link SharedRateLimit#inProcess()}: the last {@code limit} slots of each key, and its hold. */
final class InProcessSharedRateLimit implements SharedRateLimit {

  /** One key's state; a hold is kept apart from the slots so that it takes none of them. */
  private static final class Window {
    final Deque<Instant> slots = new ArrayDeque<>();
    Instant heldUntil = Instant.MIN;
  }

  private final Map<String, Window> windows = new HashMap<>();

  @Override
  public synchronized Instant take(String key, int limit, Duration window, Instant now) {
    SharedRateLimit.check(limit, window);
    Window w = windows.computeIfAbsent(key, k -> new Window());
    Instant slot = later(now, w.heldUntil);
    if (!w.slots.isEmpty()) {
      slot = later(slot, w.slots.peekLast());
    }
    if (w.slots.size() >= limit) {
      slot = later(slot, w.slots.peekFirst().plus(window));
    }
    w.slots.addLast(slot);
    while (w.slots.size() > limit) {
      w.slots.removeFirst();
    }
    return slot;
  }

  @Override
  public synchronized void holdUntil(String key, Instant until) {
    Window w = windows.computeIfAbsent(key, k -> new Window());
    w.heldUntil = later(w.heldUntil, until);
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }
}
