package io.paperboy.scheduler.source;

import java.time.Duration;

/** Wording shared by the sources, so every refusal reads the same way. */
final class Messages {

  private Messages() {}

  /**
   * The reason a reader refused {@code where}. The real parser already says {@code where:line: reason};
   * anything else gets {@code where} put in front so the message always names the file or URL.
   */
  static String refusal(String where, Exception e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message.contains(where) ? message : where + ": " + message;
  }

  static String bytes(long n) {
    if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) {
      return n / (1024 * 1024) + " MiB";
    }
    return n + " bytes";
  }

  static String duration(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    if (d.toMillis() % 1000 == 0) {
      return d.toSeconds() + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
