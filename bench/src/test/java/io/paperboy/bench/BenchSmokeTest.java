package io.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that the bench works end to end on a tiny corpus — not how fast anything is. */
class BenchSmokeTest {

  @TempDir
  Path dir;

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
        .anyMatch(n -> n.startsWith("/similar p50 / p99 at 300 papers"))
        .anyMatch(n -> n.startsWith("/similar scoring"))
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

    // AND --json writes the same rows for machines: one object per line, numbers as numbers
    Path file = dir.resolve("out").resolve("bench.jsonl");
    BenchReport.Run run = BenchReport.Run.here(300, true);
    report.writeJsonLines(file, run);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(report.rows().size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode row = json.readTree(lines.get(i));
      BenchReport.Row expected = report.rows().get(i);
      assertThat(row.path("name").asText()).isEqualTo(expected.name());
      assertThat(row.path("value").isNumber()).as(expected.name()).isTrue();
      assertThat(row.path("value").asDouble()).isEqualTo(expected.measured().value(), within(1e-9));
      assertThat(row.path("unit").asText()).isNotBlank();
      for (String field : List.of("baseline", "ratio", "p50", "baseline_p50")) {
        assertThat(row.path(field).isNumber() || row.path(field).isNull()).as(expected.name() + " " + field).isTrue();
      }
      assertThat(row.path("target").asText()).isEqualTo(expected.target());
      assertThat(row.path("met").isBoolean()).isTrue();
      assertThat(row.path("met").asBoolean()).isEqualTo(expected.met());
      JsonNode facts = row.path("run");
      assertThat(facts.path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(facts.path("max_heap_mib").isNumber()).isTrue();
      assertThat(facts.path("papers").asInt()).isEqualTo(300);
      assertThat(facts.path("quick").asBoolean()).isTrue();
      assertThat(facts.path("java_version").asText()).isEqualTo(System.getProperty("java.version"));
      assertThat(facts.path("java_vendor").asText()).isEqualTo(System.getProperty("java.vendor"));
      assertThat(facts.path("os").asText()).isEqualTo(System.getProperty("os.name"));
      assertThat(LocalDate.parse(facts.path("date").asText())).isEqualTo(run.date());
    }
    // the numbers behind the formatted cells: the fan-out's floor, its messages, a latency's p50 ≤ p99
    JsonNode fan = json.readTree(lines.stream().filter(l -> l.contains("\"fan-out")).findFirst().orElseThrow());
    assertThat(fan.path("unit").asText()).isEqualTo("s");
    assertThat(fan.path("baseline").asDouble()).isEqualTo(1.0, within(0.05));
    assertThat(fan.at("/extra/messages").asInt()).isEqualTo(60);
    assertThat(fan.path("ratio").asDouble()).isPositive();
    JsonNode paper = json.readTree(lines.stream().filter(l -> l.contains("\"/paper p50")).findFirst().orElseThrow());
    assertThat(paper.path("unit").asText()).isEqualTo("µs");
    assertThat(paper.path("p50").asDouble()).isLessThanOrEqualTo(paper.path("value").asDouble());
    assertThat(paper.path("baseline").isNumber()).isTrue();
  }

  @Test
  @DisplayName("--json FILE on the command line writes the printed table's rows as JSON Lines")
  void jsonOption() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    BenchMain main = new BenchMain(new io.paperboy.bot.cli.Stdio(new java.io.BufferedReader(new java.io.StringReader("")),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
        // a run as small as the one above: this test is about the option, not the measurements
        (papers, quick, log) -> new Bench(papers, quick, log, 5, 10, 60).run());
    Path file = dir.resolve("bench.jsonl");
    picocli.CommandLine cli = new picocli.CommandLine(main);
    int code = cli.execute("--quick", "--papers", "150", "--json", file.toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    long tableRows = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("| ") && !l.startsWith("| measurement"))
        .count();
    assertThat(lines).hasSize((int) tableRows).isNotEmpty();
    assertThat(new ObjectMapper().readTree(lines.get(0)).path("run").path("papers").asInt()).isEqualTo(150);
  }
}
