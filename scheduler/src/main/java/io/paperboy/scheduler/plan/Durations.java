package io.paperboy.scheduler.plan;

import java.time.Duration;

/** Short human text for durations in logs and answers: {@code 3d 4h}, {@code 24h}, {@code 90s}. */
public final class Durations {

  private Durations() {}

  public static String text(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 120) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m");
    }
    return hours / 24 + "d" + (hours % 24 == 0 ? "" : " " + hours % 24 + "h");
  }
}
