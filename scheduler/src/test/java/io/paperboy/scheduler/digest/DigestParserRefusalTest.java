package io.paperboy.scheduler.digest;

import static io.paperboy.scheduler.digest.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DigestParser refuses what is not a digest, as a whole, with file:line: reason")
class DigestParserRefusalTest {

  private static final String PAPER = "### [A Paper](https://arxiv.org/abs/2406.04325)\n\n- 요약.\n";

  private final DigestParser parser = new DigestParser();

  private DigestRejectedException refusal(String text) {
    return refusal(utf8(text));
  }

  private DigestRejectedException refusal(byte[] content) {
    return catchThrowableOfType(DigestRejectedException.class, () -> parser.parse("day.md", content));
  }

  @Test
  @DisplayName("the exception carries source, line and reason separately")
  void accessors() {
    DigestRejectedException e = refusal("# Notes\n\n" + PAPER);

    assertThat(e.source()).isEqualTo("day.md");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).isEqualTo(
        "paper heading before any date heading (expected '## Daily Papers (YYYY-MM-DD)' first)");
    assertThat(e.getMessage()).isEqualTo("day.md:3: " + e.reason());
  }

  @Test
  @DisplayName("a day with more papers than the limit is refused at the first paper too many")
  void tooManyPapers() throws Exception {
    StringBuilder md = new StringBuilder("## Daily Papers (2024-06-07)\n");
    for (int i = 1; i <= 4; i++) {
      md.append("### [Paper ").append(i).append("](https://arxiv.org/abs/2406.0000").append(i).append(")\n- 요약.\n");
    }
    DigestParser three = new DigestParser(3);
    assertThat(catchThrowableOfType(DigestRejectedException.class, () -> three.parse("day.md", utf8(md.toString()))))
        .hasMessage("day.md:8: more than 3 papers in the digest of 2024-06-07 (real days list at most about 70;"
            + " the limit is ingest.max-papers-per-day)");
    assertThat(new DigestParser(4).parse("day.md", utf8(md.toString())).entries()).hasSize(4);
    assertThatThrownBy(() -> new DigestParser(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a 100,000-paper day under the file size limit is refused by the default limit, at paper 1,001")
  void hostileFlood() {
    StringBuilder md = new StringBuilder("## Daily Papers (2024-06-07)\n");
    for (int i = 1; i <= 100_000; i++) {
      md.append(String.format("### [P](https://arxiv.org/abs/2406.%05d)\n", i));
    }
    byte[] content = utf8(md.toString());
    assertThat(content.length).isLessThan((int) DigestParser.MAX_FILE_BYTES);
    assertThat(refusal(content)).hasMessageStartingWith("day.md:1002: more than 1000 papers in the digest of 2024-06-07");
  }

  @Test
  @DisplayName("a paper before any date heading")
  void paperBeforeDate() {
    assertThat(refusal("# Notes\n\nsome text\n\n" + PAPER + "## Daily Papers (2024-06-07)\n"))
        .hasMessage("day.md:5: paper heading before any date heading (expected '## Daily Papers (YYYY-MM-DD)' first)");
  }

  @Test
  @DisplayName("a date that does not exist")
  void impossibleDate() {
    assertThat(refusal("# Digest\n## Daily Papers (2024-02-30)\n\n" + PAPER))
        .hasMessage("day.md:2: date heading names a date that does not exist: 2024-02-30");
  }

  @Test
  @DisplayName("a date that is not ISO YYYY-MM-DD")
  void nonIsoDate() {
    assertThat(refusal("\n\n## Daily Papers (2024-6-7)\n\n" + PAPER))
        .hasMessage("day.md:3: date heading has '2024-6-7', not an ISO date (expected '## Daily Papers (YYYY-MM-DD)')");
  }

  @Test
  @DisplayName("a paper heading that links elsewhere than an arXiv abstract or PDF")
  void nonArxivLink() {
    String md = "## Daily Papers (2024-06-07)\n\n" + PAPER + "\n### [Other](https://huggingface.co/papers/2406.04333)\n";

    assertThat(refusal(md)).hasMessage(
        "day.md:7: paper heading links to 'https://huggingface.co/papers/2406.04333', not an arXiv abstract or PDF URL");
  }

  @Test
  @DisplayName("a paper heading without a link")
  void headingWithoutLink() {
    assertThat(refusal("## Daily Papers (2024-06-07)\n\n### 요약\n\n- 내용.\n")).hasMessage(
        "day.md:3: paper heading has no link to its arXiv page (expected '### [title](https://arxiv.org/abs/…)')");
  }

  @Test
  @DisplayName("a paper heading with an empty title")
  void emptyTitle() {
    assertThat(refusal("## Daily Papers (2024-06-07)\n### [](https://arxiv.org/abs/2406.04325)\n"))
        .hasMessage("day.md:2: paper heading for 2406.04325 has an empty title");
  }

  @Test
  @DisplayName("two different dates in one file")
  void twoDates() {
    String md = "## Daily Papers (2024-06-07)\n\n" + PAPER + "\n## Daily Papers (2024-06-08)\n\n"
        + "### [B](https://arxiv.org/abs/2406.04333)\n";

    assertThat(refusal(md)).hasMessage(
        "day.md:7: second date 2024-06-08 in the digest of 2024-06-07 (line 1); one file holds one day");
  }

  @Test
  @DisplayName("a date heading without papers")
  void noPapers() {
    assertThat(refusal("## Daily Papers (2024-06-07)\n\n오늘은 논문이 없습니다.\n"))
        .hasMessage("day.md:1: no papers: the digest of 2024-06-07 lists no '### [title](arXiv URL)' heading");
  }

  @Test
  @DisplayName("a markdown file that is no digest at all, and an empty file")
  void notADigest() {
    String reason = "not a digest: no '## Daily Papers (YYYY-MM-DD)' heading and no '### [title](arXiv URL)' paper";

    assertThat(refusal("# README\n\nJust notes.\n")).hasMessage("day.md:1: " + reason);
    assertThat(refusal(new byte[0])).hasMessage("day.md:1: " + reason);
  }

  @Test
  @DisplayName("the same paper twice in one day, also as v2 or /pdf/ and across a second heading")
  void duplicatePaper() {
    String md = "## Daily Papers (2024-06-07)\n\n" + PAPER + "\n## Daily Papers (2024-06-07)\n\n"
        + "### [A Paper, again](https://arxiv.org/pdf/2406.04325v2)\n";

    assertThat(refusal(md)).hasMessage("day.md:9: paper 2406.04325 is listed twice in one day (first at line 3);"
        + " a ranked list holds a paper once");
  }

  @Test
  @DisplayName("invalid UTF-8, reported at the line of the bad byte")
  void invalidUtf8() {
    byte[] content = concat(utf8("## Daily Papers (2024-06-07)\n\n### [A](https://arxiv.org/abs/2406.04325)\n- 요"),
        new byte[] {(byte) 0xFF}, utf8("약\n"));

    assertThat(refusal(content))
        .hasMessage("day.md:4: invalid UTF-8 (byte 0xFF is not part of a valid character)");
  }

  @Test
  @DisplayName("UTF-8 cut off in the middle of a character at the end of the file")
  void truncatedUtf8() {
    byte[] whole = utf8("## Daily Papers (2024-06-07)\r\n\r\n### [A](https://arxiv.org/abs/2406.04325)\r\n- 요");
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);

    assertThat(refusal(cut)).hasMessage("day.md:4: invalid UTF-8 (the file ends inside a character)");
  }

  @Test
  @DisplayName("binary data: a NUL byte, reported at its line")
  void nulByte() {
    byte[] content = concat(utf8("## Daily Papers (2024-06-07)\n\n"), new byte[] {'x', 0, 'y'}, utf8("\n" + PAPER));

    assertThat(refusal(content)).hasMessage("day.md:3: binary data (NUL byte), not a text digest");
  }

  @Test
  @DisplayName("binary data: a high share of control bytes")
  void controlBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("## Daily Papers (2024-06-07)\n" + PAPER));
    for (int i = 0; i < 40; i++) {
      out.write(0x01 + i % 8);
      out.write('a');
    }

    byte[] content = out.toByteArray();

    assertThat(refusal(content)).hasMessage(
        "day.md:5: binary data (40 control bytes in " + content.length + " bytes), not a text digest");
  }

  @Test
  @DisplayName("a few stray control characters are no reason to refuse")
  void fewControlBytesAreFine() throws Exception {
    byte[] content = utf8("## Daily Papers (2024-06-07)\n" + PAPER.replace("요약.", "요약\u0008\u000b.\f"));

    assertThat(parser.parse("day.md", content).entries().get(0).summary()).isEqualTo("- 요약\u0008\u000b.");
  }

  @Test
  @DisplayName("content past 5 MiB is refused from its length")
  void contentTooLarge() {
    byte[] content = new byte[(int) DigestParser.MAX_FILE_BYTES + 1];

    assertThat(refusal(content))
        .hasMessage("day.md:1: file is 5242881 bytes, larger than any digest (limit 5 MiB)");
  }

  @Test
  @DisplayName("a 3 GiB file is refused from Files.size without reading it")
  void fileTooLargeNotRead(@TempDir Path dir) throws Exception {
    // GIVEN a sparse file larger than any byte[] could hold: reading it whole would fail, not refuse
    Path huge = dir.resolve("huge.md");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(3L << 30);
    }

    // WHEN / THEN
    assertThatThrownBy(() -> parser.parse(huge)).isInstanceOf(DigestRejectedException.class)
        .hasMessage(huge + ":1: file is 3221225472 bytes, larger than any digest (limit 5 MiB)");
  }

  @Test
  @DisplayName("a file that does not exist, and a folder, are refused as unreadable")
  void unreadable(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.md");
    Path folder = Files.createDirectory(dir.resolve("folder.md"));

    assertThatThrownBy(() -> parser.parse(missing)).hasMessage(missing + ":1: no such file");
    assertThatThrownBy(() -> parser.parse(folder)).isInstanceOf(DigestRejectedException.class)
        .hasMessageStartingWith(folder + ":1: cannot read the file: ");
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
