package io.paperboy.bot.trend;

import io.paperboy.store.PeriodCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trend as text: one sparkline per series ({@code ▁▂▃▄▅▆▇█}), all on one scale so two series
 * compare at a glance, for the console and anywhere else an image cannot go. A period without
 * any paper is the baseline {@code ▁}; counts rise from {@code ▂}, so "none" and "a few" differ.
 */
final class Sparklines {

  private static final char NONE = '▁';
  private static final char[] BARS = {'▂', '▃', '▄', '▅', '▆', '▇', '█'};

  private Sparklines() {}

  /**
   * One line per series: its name padded to the longest, the sparkline, then its total and peak.
   *
   * @param periodName what one period is called in the peak note ("week of", "month")
   */
  static List<String> lines(List<TrendChart.Series> series, String periodName) {
    int max = 0;
    int width = 0;
    for (TrendChart.Series s : series) {
      width = Math.max(width, columns(s.name()));
      for (PeriodCount c : s.counts()) {
        max = Math.max(max, c.papers());
      }
    }
    List<String> lines = new ArrayList<>();
    for (TrendChart.Series s : series) {
      StringBuilder line = new StringBuilder(s.name());
      line.append(" ".repeat(width - columns(s.name()) + 2));
      line.append(spark(s.counts(), max));
      int total = s.counts().stream().mapToInt(PeriodCount::papers).sum();
      line.append("  ").append(total).append(total == 1 ? " paper" : " papers");
      peak(s.counts()).ifPresent(p -> line.append(", most ").append(p.papers()).append(" in the ").append(periodName)
          .append(' ').append(p.start()));
      lines.add(line.toString());
    }
    return lines;
  }

  /** The bars for {@code counts} on a scale where {@code max} is the full bar. */
  static String spark(List<PeriodCount> counts, int max) {
    StringBuilder sb = new StringBuilder(counts.size());
    for (PeriodCount c : counts) {
      if (c.papers() == 0 || max == 0) {
        sb.append(NONE);
      } else {
        // 1..max onto the bars: the smallest non-zero count still shows as the lowest one
        int level = (int) Math.ceil(c.papers() * (double) BARS.length / max) - 1;
        sb.append(BARS[Math.max(0, Math.min(BARS.length - 1, level))]);
      }
    }
    return sb.toString();
  }

  /**
   * How many terminal columns {@code text} takes: Hangul, CJK and full-width forms take two (East
   * Asian Wide), so names in Korean and English still line their sparklines up.
   */
  static int columns(String text) {
    int columns = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      columns += wide(cp) ? 2 : 1;
    }
    return columns;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  private static Optional<PeriodCount> peak(List<PeriodCount> counts) {
    PeriodCount best = null;
    for (PeriodCount c : counts) {
      if (c.papers() > 0 && (best == null || c.papers() > best.papers())) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }
}
