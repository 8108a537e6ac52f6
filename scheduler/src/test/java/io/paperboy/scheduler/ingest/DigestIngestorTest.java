package io.paperboy.scheduler.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.scheduler.digest.DigestParser;
import io.paperboy.scheduler.digest.DigestRejectedException;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DigestIngestor")
class DigestIngestorTest {

  @TempDir
  Path dir;

  private final RecordingPaperStore store = new RecordingPaperStore();
  private final DigestIngestor ingestor = new DigestIngestor(new DigestParser(), store);

  /** A digest of {@code date} listing the given arXiv ids in rank order. */
  private static String day(String date, String... ids) {
    StringBuilder md = new StringBuilder("## Daily Papers (" + date + ")\n");
    for (String id : ids) {
      md.append("\n### [Paper ").append(id).append("](https://arxiv.org/abs/").append(id).append(")\n\nVote: 1\n\n- 요약.\n");
    }
    return md.toString();
  }

  private Path write(String relative, String content) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<LocalDate> savedDates(RecordingPaperStore store) {
    return store.saves.stream().map(Digest::date).collect(Collectors.toList());
  }

  @Test
  @DisplayName("walks folders for *.md in path order, skips README.md and hidden folders, takes named files as given")
  void filesAndFolders() {
    // GIVEN a seeds-like folder and one explicitly named file with another extension
    write("seeds/2024/06/07.md", day("2024-06-07", "2406.04325", "2406.04333"));
    write("seeds/2023/11/21.md", day("2023-11-21", "2311.10122"));
    write("seeds/README.md", "# Sample digests\n\nAttribution.\n");
    write("seeds/notes.txt", "not a digest");
    write("seeds/.git/stray.md", day("2020-01-01", "2001.00001"));
    Path named = write("extra/digest.txt", day("2025-03-04", "2503.00808"));

    // WHEN
    IngestReport report = ingestor.ingest(List.of(dir.resolve("seeds"), named), IngestProgress.NONE);

    // THEN
    assertThat(savedDates(store)).containsExactly(LocalDate.of(2023, 11, 21), LocalDate.of(2024, 6, 7),
        LocalDate.of(2025, 3, 4));
    assertThat(report.filesSeen()).isEqualTo(3);
    assertThat(report.filesAccepted()).isEqualTo(3);
    assertThat(report.days()).isEqualTo(3);
    assertThat(report.entriesAdded()).isEqualTo(4);
    assertThat(report.newPapers()).containsExactly("2311.10122", "2406.04325", "2406.04333", "2503.00808");
    assertThat(report.refusals()).isEmpty();
    assertThat(report.summary()).isEqualTo("3 files, 3 days: 4 new, 0 updated, 0 unchanged, 0 removed entries; 0 refused");
  }

  @Test
  @DisplayName("a refused file is reported and nothing of it stored; the other files go on; progress sees all")
  void refusedFileDoesNotStopTheOthers() {
    write("in/a.md", day("2024-06-06", "2406.00001"));
    Path bad = write("in/b.md", day("2024-06-07", "2406.00002") + "\n### [Elsewhere](https://example.com/paper)\n");
    write("in/c.md", day("2024-06-08", "2406.00003", "2406.00004"));
    List<String> progress = new ArrayList<>();

    IngestReport report = ingestor.ingest(List.of(dir.resolve("in")),
        (file, done, total) -> progress.add(file.getFileName() + " " + done + "/" + total));

    assertThat(savedDates(store)).containsExactly(LocalDate.of(2024, 6, 6), LocalDate.of(2024, 6, 8));
    assertThat(store.digest(LocalDate.of(2024, 6, 7))).isEmpty();
    assertThat(report.refusals()).extracting(DigestRejectedException::getMessage)
        .containsExactly(bad + ":9: paper heading links to 'https://example.com/paper', not an arXiv abstract or PDF URL");
    assertThat(progress).containsExactly("a.md 1/3", "b.md 2/3", "c.md 3/3");
    assertThat(report.summary()).isEqualTo("3 files, 2 days: 3 new, 0 updated, 0 unchanged, 0 removed entries; 1 refused");
  }

  @Test
  @DisplayName("two files of one date in a batch: both saved in path order, the later one wins")
  void sameDateTwice() {
    write("a/2024-06-07.md", day("2024-06-07", "2406.00001", "2406.00002"));
    write("b/2024-06-07.md", day("2024-06-07", "2406.00002", "2406.00003"));

    IngestReport report = ingestor.ingest(List.of(dir), IngestProgress.NONE);

    assertThat(savedDates(store)).containsExactly(LocalDate.of(2024, 6, 7), LocalDate.of(2024, 6, 7));
    assertThat(store.digest(LocalDate.of(2024, 6, 7))).extracting(DigestEntry::arxivId)
        .containsExactly("2406.00002", "2406.00003");
    assertThat(report.results()).containsExactly(
        new IngestResult(LocalDate.of(2024, 6, 7), 2, 0, 0, 0, List.of("2406.00001", "2406.00002")),
        new IngestResult(LocalDate.of(2024, 6, 7), 1, 1, 0, 1, List.of("2406.00003")));
    assertThat(report.summary()).isEqualTo("2 files, 1 day: 3 new, 1 updated, 0 unchanged, 1 removed entries; 0 refused");
  }

  @Test
  @DisplayName("ingesting an unchanged day again reports its entries unchanged, neither new nor updated")
  void reingest() {
    Path file = write("2024-06-07.md", day("2024-06-07", "2406.00001"));
    ingestor.ingest(List.of(file), IngestProgress.NONE);

    IngestReport again = ingestor.ingest(List.of(file), IngestProgress.NONE);

    assertThat(again.summary()).isEqualTo("1 file, 1 day: 0 new, 0 updated, 1 unchanged, 0 removed entries; 0 refused");
    assertThat(again.newPapers()).isEmpty();
  }

  @Test
  @DisplayName("a missing path is a refusal; a README named explicitly is parsed; a file listed twice is read once")
  void missingNamedAndDuplicatePaths() {
    Path missing = dir.resolve("nope.md");
    Path readme = write("README.md", "# Notes\n");
    Path good = write("days/2024-06-07.md", day("2024-06-07", "2406.00001"));

    IngestReport report = ingestor.ingest(List.of(missing, readme, dir.resolve("days"), good), IngestProgress.NONE);

    assertThat(report.refusals()).extracting(DigestRejectedException::getMessage).containsExactly(
        missing + ":1: no such file",
        readme + ":1: not a digest: no '## Daily Papers (YYYY-MM-DD)' heading and no '### [title](arXiv URL)' paper");
    assertThat(store.saves).hasSize(1);
    assertThat(report.summary()).isEqualTo("3 files, 1 day: 1 new, 0 updated, 0 unchanged, 0 removed entries; 2 refused");
  }

  @Test
  @DisplayName("a failing store stops the ingest; days saved before it stay saved")
  void storeFailurePropagates() {
    write("in/1.md", day("2024-06-06", "2406.00001"));
    write("in/2.md", day("2024-06-07", "2406.00002"));
    write("in/3.md", day("2024-06-08", "2406.00003"));
    IllegalStateException diskFull = new IllegalStateException("database or disk is full");
    store.failOn(LocalDate.of(2024, 6, 7), diskFull);

    assertThatThrownBy(() -> ingestor.ingest(List.of(dir.resolve("in")), IngestProgress.NONE)).isSameAs(diskFull);
    assertThat(savedDates(store)).containsExactly(LocalDate.of(2024, 6, 6));
  }

  @Test
  @DisplayName("an empty batch reports nothing done")
  void emptyBatch() {
    IngestReport report = ingestor.ingest(List.of(dir), IngestProgress.NONE);

    assertThat(report.summary()).isEqualTo("0 files, 0 days: 0 new, 0 updated, 0 unchanged, 0 removed entries; 0 refused");
  }

  @Test
  @DisplayName("a file whose name says another date than its heading is stored under the heading's date and reported")
  void namedForAnotherDay() {
    // GIVEN files named for one day holding another, beside well-named ones and one whose name carries no date
    Path misnamed = write("inbox/2022-01-03.md", day("2024-06-07", "2406.04325"));
    Path nested = write("inbox/2022/01/04.md", day("2024-06-06", "2406.04326"));
    write("inbox/2024-06-05.md", day("2024-06-05", "2406.04327"));
    write("inbox/latest.md", day("2024-06-04", "2406.04328"));

    IngestReport report = ingestor.ingest(List.of(dir.resolve("inbox")), IngestProgress.NONE);

    assertThat(savedDates(store)).containsExactlyInAnyOrder(LocalDate.parse("2024-06-07"), LocalDate.parse("2024-06-06"),
        LocalDate.parse("2024-06-05"), LocalDate.parse("2024-06-04"));
    assertThat(report.misnamed()).extracting(NamedForAnotherDay::message).containsExactly(
        misnamed + ": named for 2022-01-03, but its heading says 2024-06-07; stored as 2024-06-07",
        nested + ": named for 2022-01-04, but its heading says 2024-06-06; stored as 2024-06-06");
    assertThat(report.summary()).endsWith("; 0 refused; 2 named for another date than their heading");
  }

  @Test
  @DisplayName("a folder given as a symbolic link is walked, its files named through the link")
  void symlinkedFolder() throws IOException {
    write("real/2024-06-07.md", day("2024-06-07", "2406.04325"));
    Path link = Files.createSymbolicLink(dir.resolve("seeds"), dir.resolve("real"));

    IngestReport report = ingestor.ingest(List.of(link), IngestProgress.NONE);

    assertThat(report.filesAccepted()).isEqualTo(1);
    assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.date()).isEqualTo(LocalDate.parse("2024-06-07")));
    assertThat(report.refusals()).isEmpty();
  }
}
