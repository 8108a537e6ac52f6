package io.paperboy.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Digests and papers. Writes go through one writer; reads may run concurrently with it.
 * Implementations never perform network I/O.
 */
public interface PaperStore {

  /**
   * Stores one day's digest in one transaction. Re-saving a day is an update, never a duplicate:
   * the day then lists exactly the given entries (entries no longer listed leave that day, their
   * papers stay known), and each paper row takes the latest view.
   */
  IngestResult save(Digest digest);

  /** The latest view of a paper, with every date that listed it. */
  Optional<Paper> paper(String arxivId);

  /** A day's entries in rank order; empty when no digest is stored for that day. */
  List<DigestEntry> digest(LocalDate date);

  /** Every date with a stored digest, oldest first. */
  List<LocalDate> digestDates();

  /** The newest date with a stored digest. */
  Optional<LocalDate> latestDigestDate();

  /** The stored digest date closest to {@code date} (the earlier one on a tie); empty if none. */
  Optional<LocalDate> nearestDigestDate(LocalDate date);

  /**
   * The best entries of a date range (inclusive), one per paper: highest votes first, unknown
   * votes last; ties by earlier rank, then newer date.
   */
  List<DigestEntry> top(LocalDate from, LocalDate to, int limit);

  /**
   * Full-text search over title, authors and summary; every word of the query must match.
   * Hangul matches inside words ({@code 모델} finds {@code 모델을} and {@code 확산모델}); Latin words
   * match words and simple plurals. Any input is safe: operators and punctuation are text.
   */
  List<SearchHit> search(String query, int limit);

  /**
   * Papers matching an FTS5 expression over the index columns {@code title}, {@code authors},
   * {@code summary}, whose terms are quoted phrases of search tokens (see
   * {@code io.paperboy.store.search.SearchTokens}); ranked like {@link #search}. The query
   * language builds these expressions.
   *
   * @throws IllegalArgumentException if FTS5 rejects the expression's syntax
   */
  List<SearchHit> match(String fts5Expression, int limit);

  /** The most recently first-listed papers, newest first: the bounded set a regex-only query scans. */
  List<Paper> recentPapers(int limit);

  /** Streams entries ordered by date then rank; all days, or only {@code date} when given. */
  void export(Optional<LocalDate> date, Consumer<DigestEntry> sink);
}
