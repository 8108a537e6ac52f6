package io.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over the real sample days in {@code paperboy.sharedSeeds} (skipped when absent). The
 * digests are read with a rough line scan, enough to get titles and summaries; the real parser
 * lives in the scheduler module. Queries are taken from each paper's own text, so nothing here is
 * a hard-coded answer.
 */
@DisplayName("Search over the real sample days")
class SeedSearchTest {

  private static final Pattern DATE = Pattern.compile("^## Daily Papers \\((\\d{4}-\\d{2}-\\d{2})\\)");
  private static final Pattern HEADING = Pattern.compile("^### \\[(.*)]\\((https?://arxiv\\.org/\\S+?)\\)\\s*$");
  private static final Pattern HANGUL_WORD = Pattern.compile("[가-힣]{3,}");
  private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z]{5,}\\b");

  @TempDir
  Path dir;

  @Test
  @DisplayName("every paper is found by Korean words from its summary, by their inner two syllables, and by title words")
  void findsEveryPaperByItsOwnWords() throws IOException {
    String seeds = System.getProperty("paperboy.sharedSeeds");
    assumeTrue(seeds != null && Files.isDirectory(Path.of(seeds)), "no shared seeds");
    List<Digest> digests;
    try (Stream<Path> files = Files.list(Path.of(seeds))) {
      digests = files.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.md"))
          .sorted().map(SeedSearchTest::read).collect(Collectors.toList());
    }
    assumeTrue(!digests.isEmpty(), "no seed days");

    try (Database db = Database.open(dir.resolve("seeds.db"))) {
      SqlitePaperStore store = new SqlitePaperStore(db);
      store.saveAll(digests);
      int papers = 0;
      int queries = 0;
      for (Digest d : digests) {
        for (DigestEntry e : d.entries()) {
          papers++;
          List<String> terms = new ArrayList<>();
          Matcher korean = HANGUL_WORD.matcher(e.summary());
          for (int k = 0; k < 3 && korean.find(); k++) {
            String word = korean.group();
            terms.add(word);
            terms.add(word.substring(1, 3)); // two syllables from inside the word
          }
          Matcher english = ENGLISH_WORD.matcher(e.title());
          if (english.find()) {
            terms.add(english.group());
          }
          for (String term : terms) {
            queries++;
            assertThat(store.search(term, 1000)).as("search %s for %s", term, e.arxivId())
                .extracting(h -> h.paper().arxivId()).contains(e.arxivId());
          }
        }
      }
      assertThat(papers).isGreaterThan(10);
      assertThat(queries).isGreaterThan(papers);
    }
  }

  private static Digest read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    LocalDate date = null;
    List<DigestEntry> entries = new ArrayList<>();
    String title = null;
    String url = null;
    StringBuilder summary = new StringBuilder();
    for (String line : lines) {
      Matcher dm = DATE.matcher(line);
      Matcher hm = HEADING.matcher(line);
      if (dm.find()) {
        date = LocalDate.parse(dm.group(1));
      } else if (hm.matches()) {
        if (title != null) {
          entries.add(entry(date, entries.size() + 1, title, url, summary.toString()));
        }
        title = hm.group(1);
        url = hm.group(2);
        summary.setLength(0);
      } else if (title != null && line.startsWith("- ") || title != null && line.startsWith("  ")) {
        summary.append(line).append('\n');
      }
    }
    if (title != null) {
      entries.add(entry(date, entries.size() + 1, title, url, summary.toString()));
    }
    return new Digest(date, entries, file.toString());
  }

  private static DigestEntry entry(LocalDate date, int rank, String title, String url, String summary) {
    String id = ArxivId.parse(url).orElseThrow(() -> new IllegalStateException("no arXiv id in " + url));
    return new DigestEntry(date, rank, id, title, url, Optional.empty(), List.of(), Optional.empty(), summary);
  }
}
