package io.paperboy.scheduler.source;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test-only digest reader for a trivial line format, so source tests need no markdown:
 * <pre>
 * digest 2024-06-07
 * 2406.04325 35 A title with spaces
 * 2406.04000 - Votes unknown
 * </pre>
 * It counts its calls and keeps the last bytes it was given, to show what reached the reader.
 */
final class LineDigestReader implements MarkdownDigestReader {

  int calls;
  String lastSourceName;
  byte[] lastContent;

  static String text(LocalDate date, String... entries) {
    StringBuilder b = new StringBuilder("digest ").append(date).append('\n');
    for (String e : entries) {
      b.append(e).append('\n');
    }
    return b.toString();
  }

  @Override
  public Digest read(String sourceName, byte[] content) throws Exception {
    calls++;
    lastSourceName = sourceName;
    lastContent = content;
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
    if (lines.length == 0 || !lines[0].startsWith("digest ")) {
      throw new Exception(sourceName + ":1: not a digest (no 'digest DATE' line)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(lines[0].substring("digest ".length()).strip());
    } catch (DateTimeParseException e) {
      throw new Exception(sourceName + ":1: bad date", e);
    }
    List<DigestEntry> entries = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] parts = lines[i].strip().split(" ", 3);
      if (parts.length < 3) {
        throw new Exception(sourceName + ":" + (i + 1) + ": expected 'ID VOTES TITLE'");
      }
      Optional<Integer> votes = parts[1].equals("-") ? Optional.empty() : Optional.of(Integer.parseInt(parts[1]));
      entries.add(new DigestEntry(date, entries.size() + 1, parts[0], parts[2], "https://arxiv.org/abs/" + parts[0],
          votes, List.of(), Optional.empty(), ""));
    }
    return new Digest(date, entries, sourceName);
  }
}
