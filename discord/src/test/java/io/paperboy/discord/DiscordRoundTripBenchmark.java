package io.paperboy.discord;

import io.paperboy.testkit.discord.FakeInteraction;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Command round trip through JDA against the fake: from the INTERACTION_CREATE frame leaving the
 * fake to the interaction callback arriving back, for {@code /paper} (rendered card, no defer).
 * Prints numbers instead of asserting them. Run with
 * {@code mvn -B -o -pl bot -am test -Dgroups=benchmark -Dbench.excludedGroups=none
 * -Dtest=DiscordRoundTripBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (the parent POM excludes
 * the benchmark tag by default).
 */
@Tag("benchmark")
@DisplayName("Discord command round trip benchmark")
class DiscordRoundTripBenchmark {

  private static final int WARM_UP = 300;
  private static final int ITERATIONS = 1000;

  @Test
  @DisplayName("p50/p99 of interaction in → callback out")
  void roundTrip() throws Exception {
    try (DiscordFixture discord = DiscordFixture.start()) {
      for (int i = 0; i < WARM_UP; i++) {
        once(discord);
      }
      long[] micros = new long[ITERATIONS];
      for (int i = 0; i < ITERATIONS; i++) {
        micros[i] = once(discord);
      }
      Arrays.sort(micros);
      System.out.printf(Locale.ROOT, "%nDiscord /paper round trip over %d iterations (after %d warm-up):%n"
              + "  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n  machine: %s%n%n",
          ITERATIONS, WARM_UP, micros[ITERATIONS / 2] / 1000.0, micros[ITERATIONS * 9 / 10] / 1000.0,
          micros[ITERATIONS * 99 / 100] / 1000.0, micros[ITERATIONS - 1] / 1000.0, machine());
    }
  }

  private static long once(DiscordFixture discord) {
    long sent = System.nanoTime();
    String id = discord.fake.send(FakeInteraction.slash("paper").option("id", "2406.04325"));
    return (discord.fake.awaitCallback(id).at() - sent) / 1000;
  }

  private static String machine() throws Exception {
    String cpu = "unknown CPU";
    Path info = Path.of("/proc/cpuinfo");
    if (Files.isReadable(info)) {
      cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
    }
    return String.format(Locale.ROOT, "%d CPUs (nproc), %s, %s %s (%s), %s %s, load average %.2f",
        Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.vm.name"),
        System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("os.name"),
        System.getProperty("os.arch"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
