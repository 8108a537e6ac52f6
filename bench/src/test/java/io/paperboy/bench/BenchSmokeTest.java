package io.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks that the bench works end to end on a tiny corpus — not how fast anything is. */
class BenchSmokeTest {

  @Test
  @DisplayName("the synthetic corpus has realistic shape and unique well-formed ids")
  void corpus() {
    List<SyntheticCorpus.Day> days = new SyntheticCorpus(1).days(LocalDate.of(2020, 1, 1), 500);
    Set<String> ids = new HashSet<>();
    days.forEach(d -> ids.addAll(d.ids()));
    assertThat(ids).hasSize(500);
    assertThat(ids).allMatch(id -> id.matches("\\d{4}\\.\\d{5}"));
    assertThat(days).allMatch(d -> d.ids().size() >= 1 && d.ids().size() <= 70);
    String first = new String(days.get(0).markdown(), StandardCharsets.UTF_8);
    assertThat(first).startsWith("## Daily Papers (2020-01-01)").contains("Vote: ").contains("Authors: ");
  }

  @Test
  @DisplayName("a quick bench run fills every in-process row, the JDA and Bolt round trips and the fan-out")
  void quickRun() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // GIVEN a tiny quick run: 10 platform round trips after 5, 60 fan-out channels (the floor is 1 s)
    BenchReport report = new Bench(300, true, new PrintStream(log, true, StandardCharsets.UTF_8), 5, 10, 60).run();
    // THEN every row is there, with a value
    assertThat(report.rows()).extracting(BenchReport.Row::name)
        .anyMatch(n -> n.startsWith("ingest")).anyMatch(n -> n.startsWith("/paper p50"))
        .anyMatch(n -> n.startsWith("/search Korean")).anyMatch(n -> n.startsWith("/search English"))
        .anyMatch(n -> n.startsWith("/paper round trip through JDA"))
        .anyMatch(n -> n.startsWith("/paper round trip through Bolt"))
        .anyMatch(n -> n.startsWith("fan-out: one day to 60 Discord channels"));
    assertThat(report.rows()).allMatch(r -> !r.value().isBlank());
    // AND the fan-out really posted one message per channel and compared against a non-zero floor
    BenchReport.Row fanOut = report.rows().stream().filter(r -> r.name().startsWith("fan-out")).findFirst().orElseThrow();
    assertThat(fanOut.value()).contains("(60 messages");
    assertThat(fanOut.baseline()).startsWith("1.0 s");
    assertThat(fanOut.ratio()).endsWith("% of ceiling");
    assertThat(report.rows().stream().filter(r -> r.name().contains("round trip through")))
        .allMatch(r -> r.baseline().contains("µs") || r.baseline().contains("ms"));
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    report.print(new PrintStream(table, true, StandardCharsets.UTF_8), "header");
    assertThat(table.toString(StandardCharsets.UTF_8)).contains("| measurement | value | baseline (same run) |");
  }
}
