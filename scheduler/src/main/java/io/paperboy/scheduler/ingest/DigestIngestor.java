package io.paperboy.scheduler.ingest;

import io.paperboy.scheduler.digest.DigestParser;
import io.paperboy.scheduler.digest.DigestRejectedException;
import io.paperboy.scheduler.source.DigestFileNames;
import io.paperboy.store.Digest;
import io.paperboy.store.IngestResult;
import io.paperboy.store.PaperStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses digest files and saves each accepted day with {@link PaperStore#save} — one transaction
 * per day, done by the store. A refused file is reported and nothing of it is stored; the other
 * files go on.
 *
 * <p>Paths may be files or folders. A folder is walked recursively for {@code *.md} files in path
 * order, leaving out {@code README.md} (a seeds folder carries one) and hidden folders such as
 * {@code .git}; a file named explicitly is parsed whatever its name. Two files for the same date
 * in one batch are both saved, in that order, so the later one wins — exactly as ingesting it again
 * later would. A file whose name carries another date than its heading is stored under the
 * heading's date and listed in the report ({@link NamedForAnotherDay}).
 */
public final class DigestIngestor {

  private static final Logger LOG = LoggerFactory.getLogger(DigestIngestor.class);

  private final DigestParser parser;
  private final PaperStore store;

  public DigestIngestor(DigestParser parser, PaperStore store) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Ingests files and folders. A path that does not exist, or a folder that cannot be listed, is
   * reported as a refusal like an unreadable file. A failing store is not a property of a file: its
   * exception ends the ingest, and the days saved before it stay saved.
   */
  public IngestReport ingest(List<Path> paths, IngestProgress progress) {
    Objects.requireNonNull(progress, "progress");
    Expansion expansion = expand(paths);
    List<Path> files = expansion.files();
    List<DigestRejectedException> refusals = new ArrayList<>(expansion.unlistedFolders());
    List<IngestResult> results = new ArrayList<>();
    List<NamedForAnotherDay> misnamed = new ArrayList<>();
    int done = 0;
    for (Path file : files) {
      try {
        Digest digest = parser.parse(file);
        Set<LocalDate> named = DigestFileNames.datesOf(file);
        if (!named.isEmpty() && !named.contains(digest.date())) {
          misnamed.add(new NamedForAnotherDay(file, named.iterator().next(), digest.date()));
        }
        IngestResult result = store.save(digest);
        results.add(result);
        LOG.debug("{}: {} saved: {} new, {} updated, {} unchanged, {} removed entries", file, result.date(),
            result.added(), result.updated(), result.unchanged(), result.removed());
      } catch (DigestRejectedException e) {
        refusals.add(e);
        LOG.debug("refused {}", e.getMessage());
      }
      progress.fileDone(file, ++done, files.size());
    }
    // a folder that could not be listed counts as one path seen, so "refused" never exceeds "seen"
    IngestReport report = new IngestReport(files.size() + expansion.unlistedFolders().size(), results, refusals,
        misnamed);
    LOG.debug("ingest: {}", report.summary());
    return report;
  }

  /** The files to parse, in order, and the folders that could not be listed. */
  private record Expansion(List<Path> files, List<DigestRejectedException> unlistedFolders) {}

  private static Expansion expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    List<DigestRejectedException> unlisted = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      List<Path> found;
      if (Files.isDirectory(path)) {
        try {
          found = markdownFilesIn(path);
        } catch (IOException | RuntimeException e) {
          unlisted.add(new DigestRejectedException(path.toString(), 1, "cannot list the folder: " + e));
          continue;
        }
      } else {
        found = List.of(path); // a missing file is refused by the parser with "no such file"
      }
      for (Path file : found) {
        if (seen.add(file.toAbsolutePath().normalize())) {
          files.add(file);
        }
      }
    }
    return new Expansion(files, unlisted);
  }

  private static List<Path> markdownFilesIn(Path folder) throws IOException {
    // a folder given as a symbolic link (ln -s ~/digests inbox) is walked through the link, but its
    // files keep the name it was given by; links further down are not followed (no cycles)
    Path root = Files.isSymbolicLink(folder) ? folder.toRealPath() : folder;
    try (Stream<Path> walk = Files.walk(root)) {
      return walk
          .map(p -> root == folder ? p : folder.resolve(root.relativize(p).toString()))
          .filter(p -> !inHiddenFolder(folder, p))
          .filter(Files::isRegularFile)
          .filter(DigestIngestor::isDigestName)
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean isDigestName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".md") && !name.equals("readme.md");
  }

  private static boolean inHiddenFolder(Path root, Path file) {
    Path relative = root.relativize(file);
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      if (relative.getName(i).toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
