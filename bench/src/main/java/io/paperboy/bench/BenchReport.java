package io.paperboy.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench table: each measurement beside its same-run baseline, the ratio, and the target. */
public final class BenchReport {

  /**
   * @param name     what was measured
   * @param value    the measurement, formatted with its unit
   * @param baseline the same-run baseline, formatted, or "—"
   * @param ratio    value against baseline (or against the target's limit), formatted, or "—"
   * @param target   the target in words
   * @param met      whether the target was met
   */
  public record Row(String name, String value, String baseline, String ratio, String target, boolean met) {}

  private final List<Row> rows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** A markdown table (it reads in a terminal and pastes into the README). */
  public void print(PrintStream out, String header) {
    out.println(header);
    out.println();
    out.println("| measurement | value | baseline (same run) | ratio | target | met |");
    out.println("|---|---|---|---|---|---|");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.name(), r.value(), r.baseline(), r.ratio(),
          r.target(), r.met() ? "yes" : "**no**");
    }
  }

  static String micros(double us) {
    return us >= 10_000 ? String.format(Locale.ROOT, "%.1f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
  }

  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f×", r);
  }
}
