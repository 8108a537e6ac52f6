package io.paperboy.scheduler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderSourceTest {

  private static final LocalDate DAY = LocalDate.of(2024, 6, 7);
  private static final String DIGEST = LineDigestReader.text(DAY, "2406.04325 35 ShareGPT4Video");

  @TempDir
  Path folder;

  private final LineDigestReader reader = new LineDigestReader();

  private Path write(String relative, String content) throws IOException {
    Path file = folder.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2024-06-07.md", "20240607.md", "2024/06/07.md", "2024/06/07/daily-papers.md",
      "archive/2024-06-07.md", "inbox/2024/06/07.md", "2024-06-07.MD"})
  @DisplayName("the day's file is found by name, flat or nested")
  void findsTheDaysFile(String relative) throws IOException {
    // GIVEN the day's file, and files of other days beside it
    Path file = write(relative, DIGEST);
    write("2024-06-17.md", LineDigestReader.text(DAY.plusDays(10)));
    write("2024/06/08.md", LineDigestReader.text(DAY.plusDays(1)));
    write("2024-06-07-draft.md", "not this one");

    // WHEN the day is fetched
    FetchResult result = new FolderSource(folder, reader).fetch(DAY);

    // THEN exactly that file's bytes reached the reader
    assertThat(result).isInstanceOfSatisfying(FetchResult.Found.class, f -> {
      assertThat(f.origin()).isEqualTo(file.toString());
      assertThat(f.digest().entries()).hasSize(1);
    });
    assertThat(reader.lastSourceName).isEqualTo(file.toString());
    assertThat(new String(reader.lastContent, StandardCharsets.UTF_8)).isEqualTo(DIGEST);
  }

  @Test
  @DisplayName("a missing folder is 'not yet', not an error")
  void missingFolder() {
    FetchResult result = new FolderSource(folder.resolve("inbox"), reader).fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.NotYet.class,
        n -> assertThat(n.why()).contains("inbox").contains("does not exist"));
  }

  @Test
  @DisplayName("no file for the day is 'not yet', saying which names were looked for")
  void noFileForTheDay() throws IOException {
    write("2024-06-06.md", LineDigestReader.text(DAY.minusDays(1)));

    FetchResult result = new FolderSource(folder, reader).fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.NotYet.class, n -> assertThat(n.why())
        .contains("2024-06-07.md").contains("20240607.md").contains("2024/06/07.md").contains("2024/06/07/*.md"));
    assertThat(reader.calls).isZero();
  }

  @Test
  @DisplayName("a file given as the folder is a permanent failure")
  void fileInsteadOfFolder() throws IOException {
    Path file = write("notes.txt", "x");

    assertThat(new FolderSource(file, reader).fetch(DAY)).isInstanceOfSatisfying(FetchResult.Failed.class,
        f -> assertThat(f.reason()).contains("is not a folder"));
  }

  @Test
  @DisplayName("an unchanged file is reported unchanged without being read; a changed one is read again")
  void unchangedDetection() throws IOException {
    Path file = write("2024-06-07.md", DIGEST);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-06-07T01:00:00Z")));
    FolderSource source = new FolderSource(folder, reader);

    FetchResult first = source.fetch(DAY);
    FetchResult second = source.fetch(DAY);
    Files.writeString(file, LineDigestReader.text(DAY, "2406.04325 40 ShareGPT4Video"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-06-07T02:00:00Z")));
    FetchResult third = source.fetch(DAY);

    assertThat(first).isInstanceOf(FetchResult.Found.class);
    assertThat(second).isInstanceOf(FetchResult.Unchanged.class);
    assertThat(third).isInstanceOfSatisfying(FetchResult.Found.class,
        f -> assertThat(f.digest().entries().get(0).votes()).contains(40));
    assertThat(reader.calls).isEqualTo(2);
  }

  @Test
  @DisplayName("invalidate makes the next fetch read the file again")
  void invalidate() throws IOException {
    write("2024-06-07.md", DIGEST);
    FolderSource source = new FolderSource(folder, reader);

    source.fetch(DAY);
    source.invalidate(DAY);

    assertThat(source.fetch(DAY)).isInstanceOf(FetchResult.Found.class);
    assertThat(reader.calls).isEqualTo(2);
  }

  @Test
  @DisplayName("two files for the same day are refused, both named")
  void ambiguous() throws IOException {
    Path a = write("2024-06-07.md", DIGEST);
    Path b = write("2024/06/07.md", DIGEST);

    FetchResult result = new FolderSource(folder, reader).fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isFalse();
      assertThat(f.reason()).contains(a.toString()).contains(b.toString());
    });
  }

  @Test
  @DisplayName("hidden folders such as .git are not searched")
  void skipsHiddenFolders() throws IOException {
    write(".git/objects/2024-06-07.md", DIGEST);

    assertThat(new FolderSource(folder, reader).fetch(DAY)).isInstanceOf(FetchResult.NotYet.class);
  }

  @Test
  @DisplayName("a file the reader refuses is a permanent failure with the reader's line, read again next time")
  void refusedFile() throws IOException {
    Path file = write("2024-06-07.md", "## not the test format\n");
    FolderSource source = new FolderSource(folder, reader);

    FetchResult first = source.fetch(DAY);
    source.fetch(DAY);

    assertThat(first).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.transientFailure()).isFalse();
      assertThat(f.reason()).isEqualTo(file + ":1: not a digest (no 'digest DATE' line)");
    });
    assertThat(reader.calls).as("a refused file is not remembered as returned").isEqualTo(2);
  }

  @Test
  @DisplayName("a file larger than any digest is refused without being read")
  void oversizeFile() throws IOException {
    Path file = folder.resolve("2024-06-07.md");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(DigestSources.MAX_DIGEST_BYTES + 1);
    }

    FetchResult result = new FolderSource(folder, reader).fetch(DAY);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
        f -> assertThat(f.reason()).contains(file.toString()).contains("never larger than 5 MiB"));
    assertThat(reader.calls).isZero();
  }

  @Test
  @DisplayName("the shared sample days are found; their bytes reach the reader untouched")
  void sharedSeeds() throws IOException {
    String dir = System.getProperty("paperboy.sharedSeeds");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "shared seeds not available");
    Path seeds = Path.of(dir);
    LocalDate day = LocalDate.of(2024, 6, 7);
    // a reader that keeps the bytes and answers with an empty digest: the markdown is the parser's business
    MarkdownDigestReader keeping = (name, content) -> {
      reader.lastContent = content;
      return new io.paperboy.store.Digest(day, java.util.List.of(), name);
    };

    FetchResult result = new FolderSource(seeds, keeping).fetch(day);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Found.class,
        f -> assertThat(f.origin()).isEqualTo(seeds.resolve("2024-06-07.md").toString()));
    assertThat(reader.lastContent).isEqualTo(Files.readAllBytes(seeds.resolve("2024-06-07.md")));
    assertThat(new String(reader.lastContent, StandardCharsets.UTF_8)).startsWith("## Daily Papers (2024-06-07)");
  }
}
