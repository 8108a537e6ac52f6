package io.paperboy.bot.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The cluster tests' ways of stopping a child JVM short of killing it. */
final class Signals {

  private Signals() {}

  /**
   * SIGSTOPs {@code process} once (the first call that finds {@code stopped} empty) for
   * {@code pause}, then SIGCONTs it, as a long GC pause would: past its lease and the Quartz
   * check-in, the others take over its leased rows meanwhile and, on waking, its stale claims fail.
   * Returns at once; {@code stopped} then says what happened.
   */
  static void stopOnce(Process process, Duration pause, AtomicReference<String> stopped) {
    if (!stopped.compareAndSet(null, "pending")) {
      return;
    }
    Thread resume = new Thread(() -> {
      try {
        signal("STOP", process.pid());
        long until = System.nanoTime() + pause.toNanos();
        while (System.nanoTime() < until) {
          Thread.sleep(50); // the pause is the point here: a stopped process must outlive its lease
        }
        signal("CONT", process.pid());
        stopped.set("pid " + process.pid() + " stopped for " + pause.toSeconds() + " s");
      } catch (Exception e) {
        stopped.set("failed: " + e);
      }
    }, "sigstop");
    resume.setDaemon(true);
    resume.start();
  }

  /** {@code kill -NAME pid}; a process already gone is no error here. */
  static void signal(String name, long pid) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start().waitFor();
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
