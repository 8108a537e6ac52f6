package io.paperboy.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the parser over the real sample days ({@code ../shared/seeds/}, CC BY-NC-ND, read in place,
 * never copied) and the project's own {@code seeds/}. Expected counts come from the files' own lines,
 * so the test checks the parser against the text rather than against numbers typed here.
 */
@DisplayName("DigestParser on the real sample days")
class DigestParserSeedsTest {

  private final DigestParser parser = new DigestParser();

  private static Path folder(String property) {
    String value = System.getProperty(property);
    assumeTrue(value != null && Files.isDirectory(Path.of(value)), property + " is not a folder here");
    return Path.of(value);
  }

  private static List<Path> days(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.md")).sorted()
          .collect(Collectors.toList());
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static long count(List<String> lines, String regex) {
    return lines.stream().filter(l -> l.matches(regex)).count();
  }

  @TestFactory
  @DisplayName("every sample day parses whole and faithfully")
  Stream<DynamicTest> everySampleDay() throws IOException {
    List<Path> files = Stream.concat(days(folder("paperboy.sharedSeeds")).stream(),
        projectSeeds().stream()).collect(Collectors.toList());
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> checkDay(file)));
  }

  private static List<Path> projectSeeds() throws IOException {
    String value = System.getProperty("paperboy.projectSeeds");
    return value != null && Files.isDirectory(Path.of(value)) ? days(Path.of(value)) : List.of();
  }

  private void checkDay(Path file) throws Exception {
    List<String> lines = lines(file);
    Digest digest = parser.parse(file);
    List<DigestEntry> entries = digest.entries();

    assertThat(digest.date()).isEqualTo(LocalDate.parse(file.getFileName().toString().replace(".md", "")));
    assertThat((long) entries.size()).as("entries = ### headings").isEqualTo(count(lines, "### .*"));
    assertThat(entries).extracting(DigestEntry::rank)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, entries.size()).boxed().collect(Collectors.toList()));
    assertThat(entries).extracting(DigestEntry::arxivId).doesNotHaveDuplicates();
    assertThat(entries.stream().filter(e -> e.votes().isPresent()).count()).as("known votes")
        .isEqualTo(count(lines, "Vote: *\\d+ *"));
    assertThat(entries.stream().filter(e -> !e.authors().isEmpty()).count()).as("author lists")
        .isEqualTo(count(lines, "Authors: *\\S.*"));
    assertThat(entries.stream().filter(e -> e.media().isPresent()).count()).as("media")
        .isEqualTo(count(lines, "(!\\[\\]\\(|\\[Watch Video\\]\\().*"));
    for (DigestEntry e : entries) {
      assertThat(lines).as("the title as written").anyMatch(l -> l.startsWith("### [" + e.title() + "](" + e.url() + ")"));
      assertThat(e.summary()).as(e.arxivId() + " summary").isNotBlank()
          .doesNotContain("<video").doesNotContain("<div>")
          .doesNotContainPattern("(?m)^(Vote|Authors):")
          .doesNotStartWith(" ").doesNotEndWith("\n");
      assertThat(lines.stream().collect(Collectors.joining("\n"))).as("summary cut from the source")
          .contains(e.summary());
    }
  }

  @Test
  @DisplayName("2024-10-18: the second '## Daily Papers' heading continues the ranks")
  void secondHeadingContinuesRanks() throws Exception {
    Path file = folder("paperboy.sharedSeeds").resolve("2024-10-18.md");
    assumeTrue(Files.exists(file));
    List<String> lines = lines(file);
    int second = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith("## Daily Papers")).skip(1)
        .findFirst().orElseThrow();
    long papersBefore = count(lines.subList(0, second), "### .*");
    String firstAfter = lines.subList(second, lines.size()).stream().filter(l -> l.startsWith("### ")).findFirst()
        .orElseThrow();

    List<DigestEntry> entries = parser.parse(file).entries();

    DigestEntry continued = entries.get((int) papersBefore);
    assertThat(continued.rank()).isEqualTo(papersBefore + 1);
    assertThat(firstAfter).startsWith("### [" + continued.title() + "](" + continued.url() + ")");
  }

  @Test
  @DisplayName("spot checks: Vote: -, videos, nested bullets, numbered lists, labelled bullets")
  void spotChecks() throws Exception {
    Path seeds = folder("paperboy.sharedSeeds");

    List<DigestEntry> dec12 = parser.parse(seeds.resolve("2023-12-12.md")).entries();
    assertThat(dec12.stream().filter(e -> e.votes().isEmpty()).count())
        .isEqualTo(count(lines(seeds.resolve("2023-12-12.md")), "Vote: -"));
    assertThat(parser.parse(seeds.resolve("2023-11-22.md")).entries()).filteredOn(DigestEntry::hasVideo)
        .hasSize((int) count(lines(seeds.resolve("2023-11-22.md")), "\\[Watch Video\\].*"));
    assertThat(parser.parse(seeds.resolve("2023-11-21.md")).entries())
        .allSatisfy(e -> assertThat(e.votes().isEmpty() && e.authors().isEmpty() && e.media().isEmpty()).isTrue())
        .anySatisfy(e -> assertThat(e.summary()).contains("\n  - (1) "));
    assertThat(parser.parse(seeds.resolve("2024-08-15.md")).entries())
        .anySatisfy(e -> assertThat(e.summary()).contains(":\n1. **Tokenizer**:"));
    assertThat(parser.parse(seeds.resolve("2025-03-04.md")).entries())
        .anySatisfy(e -> assertThat(e.summary()).startsWith("- ***What's New***: "));
  }
}
