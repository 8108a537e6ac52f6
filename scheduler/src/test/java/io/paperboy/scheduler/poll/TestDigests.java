package io.paperboy.scheduler.poll;

import io.paperboy.scheduler.source.FetchResult;
import io.paperboy.store.ArxivId;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small digests for poller tests. */
final class TestDigests {

  private TestDigests() {}

  static Digest digest(LocalDate date, String... ids) {
    List<DigestEntry> entries = new ArrayList<>();
    for (String id : ids) {
      entries.add(new DigestEntry(date, entries.size() + 1, id, "Title of " + id, ArxivId.absUrl(id),
          Optional.of(10 - entries.size()), List.of("An Author"), Optional.empty(), "- summary"));
    }
    return new Digest(date, entries, "test:" + date);
  }

  static FetchResult.Found found(LocalDate date, String... ids) {
    return new FetchResult.Found(digest(date, ids), "test:" + date);
  }
}
