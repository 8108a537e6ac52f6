package io.paperboy.scheduler.ingest;

import java.nio.file.Path;

/** Told after each file of an ingest, accepted or refused; a CLI draws its progress bar from it. */
@FunctionalInterface
public interface IngestProgress {

  /** Reports nothing. */
  IngestProgress NONE = (file, done, total) -> { };

  /**
   * @param file  the file just finished
   * @param done  files finished so far, this one included
   * @param total files in the whole ingest
   */
  void fileDone(Path file, int done, int total);
}
