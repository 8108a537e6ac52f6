package io.paperboy.scheduler.source;

import io.paperboy.store.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Digests dropped into a folder tree as markdown files, found by name: {@code 2024-06-07.md},
 * {@code 20240607.md}, {@code 2024/06/07.md} or a single {@code .md} file inside {@code 2024/06/07/},
 * at any depth up to {@value #MAX_DEPTH}. Hidden files and folders ({@code .git}) are skipped.
 *
 * <p>Polling is cheap: once a file has been returned, the same file with the same size and
 * modification time is reported as {@link FetchResult.Unchanged} without being read again.
 */
public final class FolderSource implements DigestSource {

  static final int MAX_DEPTH = 6;
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  private final Path folder;
  private final MarkdownDigestReader reader;
  /** What was returned last, per file; guarded by the poller calling one fetch at a time. */
  private final Map<Path, Snapshot> returned = new HashMap<>();

  private record Snapshot(long size, FileTime modified, LocalDate date) {}

  public FolderSource(Path folder, MarkdownDigestReader reader) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public String name() {
    return "folder:" + folder;
  }

  @Override
  public synchronized FetchResult fetch(LocalDate date) {
    if (!Files.exists(folder)) {
      return new FetchResult.NotYet("folder " + folder + " does not exist");
    }
    if (!Files.isDirectory(folder)) {
      return new FetchResult.Failed(folder + " is not a folder", false);
    }
    List<Path> matches;
    try {
      matches = filesFor(date);
    } catch (IOException e) {
      return new FetchResult.Failed("cannot list folder " + folder + ": " + e, true);
    }
    if (matches.isEmpty()) {
      return new FetchResult.NotYet("no file for " + date + " in " + folder + " (looked for " + patterns(date) + ")");
    }
    if (matches.size() > 1) {
      return new FetchResult.Failed("several files for " + date + " in " + folder + ": "
          + matches.stream().map(Path::toString).collect(Collectors.joining(", ")) + "; keep only one", false);
    }
    return read(matches.get(0), date);
  }

  @Override
  public synchronized void invalidate(LocalDate date) {
    returned.values().removeIf(s -> s.date().equals(date));
  }

  private FetchResult read(Path file, LocalDate date) {
    BasicFileAttributes attributes;
    byte[] content;
    try {
      // attributes first: if the file changes while we read, the next poll sees a newer time and reads again
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
      Snapshot last = returned.get(file);
      if (last != null && last.date().equals(date) && last.size() == attributes.size()
          && last.modified().equals(attributes.lastModifiedTime())) {
        return new FetchResult.Unchanged();
      }
      if (attributes.size() > DigestSources.MAX_DIGEST_BYTES) {
        return tooLarge(file, attributes.size());
      }
      content = readAtMost(file, DigestSources.MAX_DIGEST_BYTES + 1);
    } catch (IOException e) {
      return new FetchResult.Failed("cannot read " + file + ": " + e, true);
    }
    if (content.length > DigestSources.MAX_DIGEST_BYTES) {
      return tooLarge(file, content.length);
    }
    Digest digest;
    try {
      digest = reader.read(file.toString(), content);
    } catch (Exception e) {
      return new FetchResult.Failed(Messages.refusal(file.toString(), e), false);
    }
    returned.put(file, new Snapshot(attributes.size(), attributes.lastModifiedTime(), digest.date()));
    return new FetchResult.Found(digest, file.toString());
  }

  private static FetchResult tooLarge(Path file, long size) {
    return new FetchResult.Failed(file + " is " + size + " bytes; a digest is never larger than "
        + Messages.bytes(DigestSources.MAX_DIGEST_BYTES), false);
  }

  /** Reads up to {@code limit} bytes, so a file that grows without bound cannot fill the heap. */
  private static byte[] readAtMost(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
  }

  private List<Path> filesFor(LocalDate date) throws IOException {
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(folder, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(folder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (!attrs.isRegularFile() || hidden(file) || !isMarkdown(file)) {
          return FileVisitResult.CONTINUE;
        }
        // only the path inside the folder names the day: the folder's own path is the operator's choice
        if (DigestFileNames.datesOf(folder.relativize(file)).contains(date)) {
          found.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (file.equals(folder)) {
          throw e;
        }
        return FileVisitResult.CONTINUE; // an unreadable corner of the tree must not hide the day's file
      }
    });
    found.sort(null);
    return found;
  }

  private static boolean isMarkdown(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
  }

  private static boolean hidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String patterns(LocalDate date) {
    String slashed = date.format(DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT));
    return date + ".md, " + date.format(COMPACT) + ".md, " + slashed + ".md, " + slashed + "/*.md";
  }
}
