package io.paperboy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-to-answered and peak memory of a fresh Paperboy process, beside a bare JVM start: the
 * product jar as {@code ./paperboy} starts it (with its fast-start options: the class-data archive,
 * the unpacked SQLite library, C1 and Serial GC) and as a plain {@code java -jar} starts it.
 */
public final class ProcessBenchmarks {

  /** Printed by {@link io.paperboy.bot.Main} at exit when the system property {@value #PEAK_RSS_PROPERTY} is set. */
  static final String PEAK_RSS_PROPERTY = "paperboy.reportPeakRss";
  /** Set by the {@code ./paperboy} launcher: the product jar, and the JVM options it gives {@code ask}. */
  static final String PRODUCT_JAR_PROPERTY = "paperboy.productJar";
  static final String FAST_START_PROPERTY = "paperboy.fastStartOptions";
  private static final Pattern PEAK = Pattern.compile("peak-rss-kb: (\\d+)");

  record Run(double seconds, long peakRssKb, String output) {}

  /**
   * How to start Paperboy: a command line up to the arguments.
   *
   * @param description how the table names it
   */
  record Start(List<String> command, String description) {}

  private ProcessBenchmarks() {}

  /** {@code java -jar paperboy.jar}, as the launcher runs it with {@code PAPERBOY_FAST_START=off}. */
  static Optional<Start> plainJar() {
    return productJar().map(jar -> new Start(List.of(java(), "-D" + PEAK_RSS_PROPERTY + "=true", "-jar", jar.toString()),
        "plain `java -jar paperboy.jar`"));
  }

  /** The launcher's start of {@code ask}; empty when the bench was not started by {@code ./paperboy bench}, or the kit is missing. */
  static Optional<Start> fastStart() {
    String options = System.getProperty(FAST_START_PROPERTY, "").strip();
    if (!options.contains("-XX:SharedArchiveFile=")) {
      return Optional.empty();
    }
    return productJar().map(jar -> {
      List<String> cmd = new ArrayList<>(List.of(java(), "-D" + PEAK_RSS_PROPERTY + "=true"));
      // one option a line, as the launcher passes them: a path may hold spaces
      cmd.addAll(options.lines().map(String::strip).filter(o -> !o.isEmpty()).toList());
      cmd.addAll(List.of("-jar", jar.toString()));
      return new Start(cmd, "as `./paperboy` starts it (class-data archive, unpacked SQLite library, C1, Serial GC)");
    });
  }

  /** The bench's own classpath (the bench jar): the fallback when no product jar was named. */
  static Start benchClasspath() {
    return new Start(List.of(java(), "-D" + PEAK_RSS_PROPERTY + "=true", "-cp", System.getProperty("java.class.path"),
        "io.paperboy.bot.Main"), "the bench jar's classpath, no archive");
  }

  /** Runs {@code start ARGS} {@code times} times; returns the run with the median wall time. */
  static Run median(Start start, List<String> args, int times) throws IOException, InterruptedException {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      List<String> cmd = new ArrayList<>(start.command());
      cmd.addAll(args);
      runs.add(run(cmd));
    }
    runs.sort(java.util.Comparator.comparingDouble(Run::seconds));
    return runs.get(runs.size() / 2);
  }

  /** A bare JVM start: the floor any Java program pays. */
  static Run bareJvm(int times) throws IOException, InterruptedException {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      runs.add(run(List.of(java(), "-version")));
    }
    runs.sort(java.util.Comparator.comparingDouble(Run::seconds));
    return runs.get(runs.size() / 2);
  }

  private static Optional<Path> productJar() {
    return Optional.ofNullable(System.getProperty(PRODUCT_JAR_PROPERTY)).map(Path::of).filter(Files::isRegularFile);
  }

  private static Run run(List<String> cmd) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      throw new IOException("child exited " + code + ": " + String.join(" ", cmd) + "\n" + out);
    }
    Matcher m = PEAK.matcher(out);
    return new Run(seconds, m.find() ? Long.parseLong(m.group(1)) : -1, out);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
