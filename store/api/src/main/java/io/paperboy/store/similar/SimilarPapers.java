package io.paperboy.store.similar;

import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.search.SearchTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The papers most like a given one, over a {@link PaperStore}, with the words they share: what
 * {@code /similar} and the related papers of {@code /paper} answer.
 *
 * <p>The index is built from {@link PaperStore#paperTexts} on first use and rebuilt when the stored
 * digest days change (a new day, a removed one), checked at most every ten seconds;
 * {@link #invalidate} forces a rebuild at once, as an ingest does. A rebuild of 100,000 papers takes
 * seconds, of a real history (a few thousand) well under one; the calls during a rebuild wait for
 * it rather than each building their own.
 */
public final class SimilarPapers {

  /** How many shared words a reason names. */
  public static final int REASON_WORDS = 3;

  /**
   * A paper found alike.
   *
   * @param paper       its latest view
   * @param score       cosine similarity in (0, 1]
   * @param sharedWords up to {@value #REASON_WORDS} words of its title or summary that carry the
   *                    shared terms, most decisive first
   */
  public record Related(Paper paper, double score, List<String> sharedWords) {
    public Related {
      Objects.requireNonNull(paper, "paper");
      sharedWords = List.copyOf(sharedWords);
    }
  }

  private record Built(List<?> stamp, SimilarityIndex index) {}

  private final PaperStore store;
  /**
   * How often the stored days are compared with the index's: reading every date on every call
   * costs more than the query at 100,000 papers; an ingest in this process {@link #invalidate}s at
   * once, one by another process sharing the database is seen within this time.
   */
  private static final long RECHECK_NANOS = 10_000_000_000L;

  private volatile Built built;
  private volatile long checkedAt;
  private volatile boolean stale;
  private final AtomicBoolean building = new AtomicBoolean();
  /** The search tokens of words of matches' texts, by word; see {@link #words(Paper, List, Map)}. */
  private final Map<String, List<String>> wordTokens = new ConcurrentHashMap<>();
  /** At most this many words in {@link #wordTokens} (a few MB). */
  private static final int WORD_CACHE = 100_000;

  public SimilarPapers(PaperStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The {@code n} papers most like {@code arxivId} (an id as {@link PaperStore#paper} gives it),
   * most alike first; empty when the store has no such paper. A paper sharing no term with any
   * other has an empty list.
   */
  public Optional<List<Related>> similar(String arxivId, int n) {
    return related(index(), arxivId, n);
  }

  /**
   * Like {@link #similar}, but never waits for the index: with none built yet, or one older than the
   * stored days, the index is (re)built on a background thread, and meanwhile the answer is empty
   * or from the older index. For the related papers of {@code /paper}, a lookup that must stay
   * fast even right after start-up or an ingest.
   */
  public Optional<List<Related>> similarIfReady(String arxivId, int n) {
    Built b = built;
    if (b == null || !current(b)) {
      buildInBackground();
    }
    // a card's related papers take the bounded lookup: /paper stays a lookup, not a /similar
    return b == null ? Optional.empty() : related(b.index().related(arxivId, n));
  }

  private void buildInBackground() {
    if (building.compareAndSet(false, true)) {
      Thread t = new Thread(() -> {
        try {
          index();
        } finally {
          building.set(false);
        }
      }, "paperboy-similar-index");
      t.setDaemon(true);
      t.start();
    }
  }

  private Optional<List<Related>> related(SimilarityIndex index, String arxivId, int n) {
    return related(index.similar(arxivId, n));
  }

  private Optional<List<Related>> related(Optional<List<SimilarityIndex.Match>> matches) {
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    List<Related> related = new ArrayList<>();
    for (SimilarityIndex.Match m : matches.get()) {
      // a paper removed since the index was built is left out rather than shown half
      store.paper(m.arxivId()).ifPresent(p -> related.add(new Related(p, m.score(), words(p, m.sharedTerms(), wordTokens))));
    }
    return Optional.of(related);
  }

  /** The current index, built or rebuilt as needed. */
  public SimilarityIndex index() {
    Built b = built;
    if (b != null && current(b)) {
      return b.index();
    }
    synchronized (this) {
      b = built;
      if (b != null && current(b)) {
        return b.index();
      }
      // taken before reading, so that an ingest during the build makes the next call build again
      stale = false;
      List<?> stamp = store.digestDates();
      SimilarityIndex.Builder builder = SimilarityIndex.builder();
      store.paperTexts(builder::add);
      built = new Built(stamp, builder.build());
      checkedAt = System.nanoTime();
      return built.index();
    }
  }

  /** Whether {@code b} still indexes the stored papers, as far as an ingest or the stored days tell. */
  private boolean current(Built b) {
    if (stale) {
      return false;
    }
    long now = System.nanoTime();
    if (now - checkedAt < RECHECK_NANOS) {
      return true;
    }
    if (b.stamp().equals(store.digestDates())) {
      checkedAt = now;
      return true;
    }
    return false;
  }

  /**
   * Marks the index out of date: the next {@link #similar} rebuilds it first, while
   * {@link #similarIfReady} keeps answering from it until the rebuild is done.
   */
  public void invalidate() {
    stale = true;
  }

  /**
   * The words behind shared search tokens, as the paper writes them: for each token, the shortest
   * word of the title or summary that contains it (a Hangul bigram such as {@code 모델} shows as
   * {@code 모델} or {@code 확산모델}, never as a half syllable pair), leaving out a word that shares
   * a token with one already named.
   */
  static List<String> words(Paper paper, List<String> tokens) {
    return words(paper, tokens, new HashMap<>());
  }

  /**
   * {@link #words(Paper, List)} with the tokens of each word looked up in {@code cache} first.
   * Why a cache: tokenising every word of every match's title and summary afresh was about a sixth
   * of an answer's CPU and most of its allocation at 100,000 papers ({@code SimilarProfile}), and
   * the same words recur across summaries, so most lookups hit.
   */
  static List<String> words(Paper paper, List<String> tokens, Map<String, List<String>> cache) {
    Set<String> wanted = Set.copyOf(tokens);
    Map<String, String> shortest = new HashMap<>();
    // the title, then the summary, word by word: the order decides which of two equally short words is named
    collect(paper.title(), wanted, shortest, cache);
    collect(paper.summary(), wanted, shortest, cache);
    List<String> out = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (String token : tokens) {
      if (out.size() == REASON_WORDS) {
        break;
      }
      String word = shortest.getOrDefault(token, token);
      List<String> its = tokensOf(word, cache);
      // 비디오를 after 비디오에 (or LLMs after LLM) names the same thing again
      if (its.stream().noneMatch(covered::contains)) {
        out.add(word);
        covered.addAll(its);
      }
    }
    return List.copyOf(out);
  }

  /** For each wanted token, the shortest word of {@code text} (split at whitespace, trimmed) having it; the first of equals. */
  private static void collect(String text, Set<String> wanted, Map<String, String> shortest,
      Map<String, List<String>> cache) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      int end = i;
      while (end < n && !isSpace(text.charAt(end))) {
        end++;
      }
      if (end > i) {
        String word = trim(text, i, end);
        if (!word.isEmpty()) {
          for (String token : tokensOf(word, cache)) {
            if (wanted.contains(token)) {
              shortest.merge(token, word, (a, b) -> b.length() < a.length() ? b : a);
            }
          }
        }
      }
      i = end;
    }
  }

  /** The whitespace {@code \s} of a regular expression: what the words were split at before. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static List<String> tokensOf(String word, Map<String, List<String>> cache) {
    List<String> tokens = cache.get(word);
    if (tokens == null) {
      tokens = List.copyOf(SearchTokens.tokens(word));
      if (cache.size() >= WORD_CACHE) {
        // a crude bound: a history's vocabulary is far below it, so this only stops unbounded growth
        cache.clear();
      }
      cache.put(word, tokens);
    }
    return tokens;
  }

  /** The word at {@code [start, end)} without the punctuation and markdown around it ({@code **LoRA**,} → {@code LoRA}). */
  private static String trim(String w, int start, int end) {
    while (start < end && !Character.isLetterOrDigit(w.codePointAt(start))) {
      start += Character.charCount(w.codePointAt(start));
    }
    while (end > start && !Character.isLetterOrDigit(w.codePointBefore(end))) {
      end -= Character.charCount(w.codePointBefore(end));
    }
    return w.substring(start, end);
  }
}
