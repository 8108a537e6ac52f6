package io.paperboy.bot.bench;

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
  @DisplayName("a quick bench run fills every in-process row with a value and a verdict")
  void quickRun() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    BenchReport report = new Bench(300, true, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    assertThat(report.rows()).extracting(BenchReport.Row::name)
        .anyMatch(n -> n.startsWith("ingest")).anyMatch(n -> n.startsWith("/paper"))
        .anyMatch(n -> n.startsWith("/search Korean")).anyMatch(n -> n.startsWith("/search English"));
    assertThat(report.rows()).allMatch(r -> !r.value().isBlank());
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    report.print(new PrintStream(table, true, StandardCharsets.UTF_8), "header");
    assertThat(table.toString(StandardCharsets.UTF_8)).contains("| measurement | value | baseline (same run) |");
  }
}
