package io.paperboy.store;

import io.paperboy.store.query.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: digests and papers. Reads may run while another thread writes and see either the state
 * before or after a save, never half of it. Implementations never perform network I/O beyond
 * their database. Every call is its own transaction unless made inside
 * {@link Transactions#inTransaction}, which it then joins.
 */
public interface PaperStore {

  /**
   * Stores one day's digest in one transaction. Re-saving a day is an update, never a duplicate:
   * the day then lists exactly the given entries (entries no longer listed leave that day, their
   * papers stay known), and each paper row takes the view of its newest day. The day is searchable
   * when this returns.
   *
   * @throws IllegalArgumentException if the digest lists a paper twice or two papers at one rank;
   *     nothing is stored then
   */
  IngestResult save(Digest digest);

  /**
   * Saves many days, each exactly as {@link #save} would, in the given order, and answers what
   * {@link #save} would have answered for each. A backend may commit several days per transaction
   * (and defer indexing them, as long as a later {@link #search} sees them): if it fails midway,
   * the days committed before stay saved, and saving them again is harmless.
   */
  default List<IngestResult> saveAll(List<Digest> digests) {
    List<IngestResult> results = new ArrayList<>(digests.size());
    for (Digest d : digests) {
      results.add(save(d));
    }
    return results;
  }

  /**
   * The latest view of a paper, with every date that listed it; {@code arxivIdOrUrl} may also be
   * an arXiv URL or a versioned id ({@link ArxivId#parse}). The hot lookup of {@code /paper}.
   */
  Optional<Paper> paper(String arxivIdOrUrl);

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
   * votes last; ties by earlier rank, then newer date. Empty for a reversed range or a limit below 1.
   */
  List<DigestEntry> top(LocalDate from, LocalDate to, int limit);

  /**
   * The best {@code limit} papers matching a parsed query over title, authors and summary, best
   * first, and how many papers match in all: Hangul matches inside words ({@code 모델} finds
   * {@code 모델을} and {@code 확산모델}), Latin words match whole words and simple plurals, as
   * {@link io.paperboy.store.search.SearchTokens} derives them; exclusions and regular expressions
   * are decided by {@link io.paperboy.store.query.QueryMatcher} ({@link io.paperboy.store.query.QuerySearch}
   * does that for any backend). Relevance first (a title match beats a summary match), then votes
   * (unknown last), then newer papers.
   *
   * <p>The count costs no more than the search: it is exact at least up to 100 matches, and past
   * what the backend looks at while ranking it may be a lower bound ({@link MatchCount#exact()}).
   * Empty, without touching the database, when {@code limit} is below 1.
   */
  SearchPage searchPage(Query query, int limit);

  /** The hits of {@link #searchPage}, for callers that need no count. */
  default List<SearchHit> search(Query query, int limit) {
    return searchPage(query, limit).hits();
  }

  /**
   * How many papers matching {@code query} (exactly as {@link #search} matches) were first listed
   * in each week or month that overlaps {@code from..to}, oldest first, periods without any as
   * zeros. A paper counts once, in the period of the first digest that listed it, and only when
   * that day lies within {@code from..to} (a period cut by the range counts only its days inside
   * it). Counted by the database, never by fetching every matching paper, except where the index
   * cannot decide the query alone ({@link io.paperboy.store.query.QueryCounts} says how a backend
   * does it). Empty for a reversed range.
   */
  List<PeriodCount> countPerPeriod(Query query, LocalDate from, LocalDate to, CountPeriod by);

  /** The most recently first-listed papers, newest first: the bounded set a regex-only query scans. */
  List<Paper> recentPapers(int limit);

  /** Streams entries ordered by date then rank; all days, or only {@code date} when given. */
  void export(Optional<LocalDate> date, Consumer<DigestEntry> sink);

  /**
   * Streams the latest title, summary and votes (what {@link #paper} answers) of every paper that
   * a stored day lists, each paper once, in no particular order: what {@code /similar} builds its
   * index from. Papers that no day lists any more (a day re-saved without them) are left out.
   * The default derives it from {@link #export} (the newest day's entry wins, as it does for the
   * paper row) and holds every paper in memory meanwhile; a backend should read its paper rows
   * directly instead.
   */
  default void paperTexts(Consumer<PaperText> sink) {
    Map<String, PaperText> latest = new LinkedHashMap<>();
    export(Optional.empty(), e -> latest.put(e.arxivId(), new PaperText(e.arxivId(), e.title(), e.summary(), e.votes())));
    latest.values().forEach(sink);
  }
}
