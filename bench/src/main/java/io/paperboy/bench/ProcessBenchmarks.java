package io.paperboy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Start-to-ready and peak memory of a fresh Paperboy process, beside a bare JVM start. */
public final class ProcessBenchmarks {

  private ProcessBenchmarks() {}

  /** Printed by {@link io.paperboy.bot.Main} at exit when the system property {@value #PEAK_RSS_PROPERTY} is set. */
  static final String PEAK_RSS_PROPERTY = "paperboy.reportPeakRss";
  private static final Pattern PEAK = Pattern.compile("peak-rss-kb: (\\d+)");

  record Run(double seconds, long peakRssKb, String output) {}

  /** Runs {@code paperboy ARGS} in a new JVM with the same classpath and returns wall time and VmHWM. */
  static Run paperboy(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-D" + PEAK_RSS_PROPERTY + "=true", "-cp",
        System.getProperty("java.class.path"), "io.paperboy.bot.Main"));
    cmd.addAll(args);
    return run(cmd);
  }

  /** A bare JVM start: the floor any Java program pays. */
  static Run bareJvm() throws IOException, InterruptedException {
    return run(List.of(java(), "-version"));
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
