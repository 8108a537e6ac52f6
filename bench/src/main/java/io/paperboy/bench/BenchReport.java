package io.paperboy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The bench table: each measurement beside its same-run baseline, the ratio, and the target; and
 * the same rows for machines, as JSON Lines with numbers as numbers ({@link #writeJsonLines}).
 */
public final class BenchReport {

  /**
   * @param name     what was measured
   * @param value    the measurement, formatted with its unit
   * @param baseline the same-run baseline, formatted, or "—"
   * @param ratio    value against baseline (or against the target's limit), formatted, or "—"
   * @param target   the target in words
   * @param met      whether the target was met
   * @param measured the same numbers unformatted, for {@link #writeJsonLines}
   */
  public record Row(String name, String value, String baseline, String ratio, String target, boolean met,
      Measured measured) {
    public Row {
      Objects.requireNonNull(measured, "measured");
    }
  }

  /**
   * A row's numbers. Latencies are the p99 in {@code value} (what the targets are about) with the
   * p50 beside it.
   *
   * @param value       the measurement, in {@code unit}
   * @param unit        e.g. {@code µs}, {@code s}, {@code entries/s}, {@code MiB}
   * @param p50         the median, when {@code value} is a p99
   * @param baseline    the same-run baseline, in {@code unit}
   * @param baselineP50 the baseline's median, when it is a latency
   * @param ratio       the ratio the table shows (value / baseline, or / the target's limit, or
   *                    the share of a ceiling)
   * @param extra       further numbers of the row (messages sent, answers that were 429, …)
   */
  public record Measured(double value, String unit, OptionalDouble p50, OptionalDouble baseline,
      OptionalDouble baselineP50, OptionalDouble ratio, Map<String, Number> extra) {

    public Measured {
      Objects.requireNonNull(unit, "unit");
      extra = Map.copyOf(extra);
    }

    static Measured of(double value, String unit) {
      return new Measured(value, unit, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
          OptionalDouble.empty(), Map.of());
    }

    /** A latency row: p99 as the value, p50 beside it, in µs. */
    static Measured latency(Latencies l) {
      return of(l.p99(), "µs").withP50(l.p50());
    }

    Measured withP50(double median) {
      return new Measured(value, unit, OptionalDouble.of(median), baseline, baselineP50, ratio, extra);
    }

    Measured withBaseline(double base) {
      return new Measured(value, unit, p50, OptionalDouble.of(base), baselineP50, ratio, extra);
    }

    /** A latency baseline: its p99 as the baseline, its p50 beside it. */
    Measured withBaseline(Latencies l) {
      return new Measured(value, unit, p50, OptionalDouble.of(l.p99()), OptionalDouble.of(l.p50()), ratio, extra);
    }

    Measured withRatio(double r) {
      return new Measured(value, unit, p50, baseline, baselineP50, OptionalDouble.of(r), extra);
    }

    Measured with(String name, Number number) {
      Map<String, Number> more = new LinkedHashMap<>(extra);
      more.put(name, number);
      return new Measured(value, unit, p50, baseline, baselineP50, ratio, more);
    }
  }

  /**
   * The facts of one run that every row is read against.
   *
   * @param papers    synthetic papers generated
   * @param quick     whether it was a {@code --quick} run
   * @param started   when the run started
   * @param cores     available processors
   * @param maxHeapMib the JVM's maximum heap
   */
  public record Run(int papers, boolean quick, Instant started, int cores, long maxHeapMib, String javaVersion,
      String javaVendor, String javaVm, String os, String osVersion, String arch) {

    /** This JVM's facts, for a run of {@code papers} starting now. */
    static Run here(int papers, boolean quick) {
      Runtime rt = Runtime.getRuntime();
      return new Run(papers, quick, Instant.now(), rt.availableProcessors(), rt.maxMemory() >> 20,
          System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("java.vm.name"),
          System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    LocalDate date() {
      return LocalDate.ofInstant(started, java.time.ZoneOffset.UTC);
    }

    /** The line above the table. */
    String header() {
      return String.format(Locale.ROOT, "paperboy bench — %d papers%s — %s, %d cores, %d MiB max heap, Java %s (%s) on %s %s",
          papers, quick ? " (quick)" : "", date(), cores, maxHeapMib, javaVersion, javaVm, os, arch);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * Writes every row as one JSON object per line: {@code name}, {@code value}, {@code unit},
   * {@code p50}, {@code baseline}, {@code baseline_p50}, {@code ratio} (numbers, or null where the
   * row has none), {@code target}, {@code met}, the row's extra numbers under {@code extra}, and
   * the run's facts under {@code run}, so that each line can be compared with the same row of
   * another run on its own.
   */
  public void writeJsonLines(Path file, Run run) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Row r : rows) {
        out.write(JSON.writeValueAsString(json(r, run)));
        out.newLine();
      }
    }
  }

  static ObjectNode json(Row r, Run run) {
    Measured m = r.measured();
    ObjectNode o = JSON.createObjectNode();
    o.put("name", r.name());
    number(o, "value", OptionalDouble.of(m.value()));
    o.put("unit", m.unit());
    number(o, "p50", m.p50());
    number(o, "baseline", m.baseline());
    number(o, "baseline_p50", m.baselineP50());
    number(o, "ratio", m.ratio());
    o.put("target", r.target());
    o.put("met", r.met());
    ObjectNode extra = o.putObject("extra");
    m.extra().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> number(extra, e.getKey(), OptionalDouble.of(e.getValue().doubleValue())));
    ObjectNode facts = o.putObject("run");
    facts.put("date", run.date().toString());
    facts.put("started", run.started().toString());
    facts.put("papers", run.papers());
    facts.put("quick", run.quick());
    facts.put("cores", run.cores());
    facts.put("max_heap_mib", run.maxHeapMib());
    facts.put("java_version", run.javaVersion());
    facts.put("java_vendor", run.javaVendor());
    facts.put("java_vm", run.javaVm());
    facts.put("os", run.os());
    facts.put("os_version", run.osVersion());
    facts.put("arch", run.arch());
    return o;
  }

  /** A number as a JSON number; absent, NaN or infinite (a zero baseline) as null. */
  private static void number(ObjectNode o, String field, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      double v = value.getAsDouble();
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        o.put(field, (long) v);
      } else {
        o.put(field, v);
      }
    } else {
      o.putNull(field);
    }
  }

  static String micros(double us) {
    return us >= 10_000 ? String.format(Locale.ROOT, "%.1f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
  }

  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f×", r);
  }
}
