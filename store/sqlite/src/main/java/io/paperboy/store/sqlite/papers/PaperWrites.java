package io.paperboy.store.sqlite.papers;

import io.paperboy.store.Digest;
import io.paperboy.store.IngestResult;
import io.paperboy.store.sqlite.db.Database;
import io.paperboy.store.sqlite.search.SearchIndex;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The write side of {@link SqlitePaperStore}: how many days go into one transaction, and when the
 * search index catches up. {@link DigestWriter} does the writing inside each transaction.
 */
final class PaperWrites {

  private final Database db;
  private final SearchIndex searchIndex;
  private final DigestWriter writer;

  PaperWrites(Database db, SearchIndex searchIndex, Clock clock) {
    this.db = db;
    this.searchIndex = searchIndex;
    this.writer = new DigestWriter(searchIndex, clock);
  }

  /** One day, indexed in the same transaction. */
  IngestResult save(Digest digest) {
    return db.write(c -> writer.save(c, List.of(digest), DigestWriter.Indexing.NOW).get(0));
  }

  /** Many days, about {@link SqlitePaperStore#SAVE_ALL_CHUNK_ENTRIES} entries per transaction, indexing deferred. */
  List<IngestResult> saveAll(List<Digest> digests) {
    List<IngestResult> results = new ArrayList<>(digests.size());
    int from = 0;
    while (from < digests.size()) {
      int to = from;
      int entries = 0;
      do {
        entries += digests.get(to).entries().size();
        to++;
      } while (to < digests.size()
          && entries + digests.get(to).entries().size() <= SqlitePaperStore.SAVE_ALL_CHUNK_ENTRIES);
      List<Digest> chunk = digests.subList(from, to);
      results.addAll(db.write(c -> writer.save(c, chunk, DigestWriter.Indexing.DEFERRED)));
      from = to;
    }
    return results;
  }

  /** Indexes every pending paper, {@link SqlitePaperStore#INDEX_CHUNK_PAPERS} per transaction. */
  int refreshSearchIndex() {
    int total = 0;
    int indexed;
    do {
      indexed = db.write(c -> searchIndex.indexPending(c, SqlitePaperStore.INDEX_CHUNK_PAPERS));
      total += indexed;
    } while (indexed > 0);
    return total;
  }

  /** Whether papers wait for {@link #refreshSearchIndex}. */
  boolean searchIndexBehind() {
    return db.read(searchIndex::hasPending);
  }
}
