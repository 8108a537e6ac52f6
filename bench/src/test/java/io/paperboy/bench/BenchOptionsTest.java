package io.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.cli.Stdio;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The size and kind of run {@code paperboy bench}'s options ask for, as the runner receives them (nothing is measured). */
class BenchOptionsTest {

  @ParameterizedTest(name = "{0} → {1} papers, quick={2}")
  @DisplayName("--papers is honoured with and without --quick, whatever its value; without it a quick run is small")
  @CsvSource(delimiter = '|', value = {
      "''                       | 100000 | false",
      "--quick                  | 2000   | true",
      "--quick --papers 100000  | 100000 | true",
      "--papers 100000 --quick  | 100000 | true",
      "--quick --papers 5000    | 5000   | true",
      "--papers 2000            | 2000   | false",
  })
  void papers(String args, int expectedPapers, boolean expectedQuick) {
    List<Object[]> calls = new ArrayList<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    BenchMain main = new BenchMain(new Stdio(new BufferedReader(new StringReader("")),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)),
        (papers, quick, log) -> {
          calls.add(new Object[] {papers, quick});
          return new BenchReport();
        });
    String[] argv = args.isBlank() ? new String[0] : args.trim().split("\\s+");

    int code = new picocli.CommandLine(main).execute(argv);

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0)).containsExactly(expectedPapers, expectedQuick);
  }
}
