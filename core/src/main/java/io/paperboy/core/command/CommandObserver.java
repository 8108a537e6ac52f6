package io.paperboy.core.command;

import java.time.Duration;

/**
 * Told once per answered request how it ended and how long it took from arrival to answer (the
 * operations metrics' command latency). Called on the thread that completed the answer; it must
 * be quick and must not throw.
 */
@FunctionalInterface
public interface CommandObserver {

  /** Observes nothing. */
  CommandObserver NONE = (command, outcome, took) -> { };

  void answered(String command, Outcome outcome, Duration took);
}
