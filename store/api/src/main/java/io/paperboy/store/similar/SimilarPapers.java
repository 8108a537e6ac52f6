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

/**
 * The papers most like a given one, over a {@link PaperStore}, with the words they share: what
 * {@code /similar} and the related papers of {@code /paper} answer.
 *
 * <p>The index is built from {@link PaperStore#paperTexts} on first use and rebuilt when the stored
 * digest days change (a new day, a removed one), checked on every call; {@link #invalidate} forces
 * a rebuild, e.g. after a day was re-ingested with other text. A rebuild of 100,000 papers takes
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
  private volatile Built built;

  public SimilarPapers(PaperStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The {@code n} papers most like {@code arxivId} (an id as {@link PaperStore#paper} gives it),
   * most alike first; empty when the store has no such paper. A paper sharing no term with any
   * other has an empty list.
   */
  public Optional<List<Related>> similar(String arxivId, int n) {
    SimilarityIndex index = index();
    Optional<List<SimilarityIndex.Match>> matches = index.similar(arxivId, n);
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    List<Related> related = new ArrayList<>();
    for (SimilarityIndex.Match m : matches.get()) {
      // a paper removed since the index was built is left out rather than shown half
      store.paper(m.arxivId()).ifPresent(p -> related.add(new Related(p, m.score(), words(p, m.sharedTerms()))));
    }
    return Optional.of(related);
  }

  /** The current index, built or rebuilt as needed. */
  public SimilarityIndex index() {
    List<?> stamp = store.digestDates();
    Built b = built;
    if (b != null && b.stamp().equals(stamp)) {
      return b.index();
    }
    synchronized (this) {
      b = built;
      if (b != null && b.stamp().equals(stamp)) {
        return b.index();
      }
      SimilarityIndex.Builder builder = SimilarityIndex.builder();
      store.paperTexts(builder::add);
      built = new Built(stamp, builder.build());
      return built.index();
    }
  }

  /** Drops the index: the next call rebuilds it from the store. */
  public void invalidate() {
    built = null;
  }

  /**
   * The words behind shared search tokens, as the paper writes them: for each token, the shortest
   * word of the title or summary that contains it (a Hangul bigram such as {@code 모델} shows as
   * {@code 모델} or {@code 확산모델}, never as a half syllable pair), leaving out a word that shares
   * a token with one already named.
   */
  static List<String> words(Paper paper, List<String> tokens) {
    Set<String> wanted = Set.copyOf(tokens);
    Map<String, String> shortest = new HashMap<>();
    for (String w : (paper.title() + " " + paper.summary()).split("\\s+")) {
      String word = trim(w);
      for (String token : SearchTokens.tokens(word)) {
        if (wanted.contains(token)) {
          shortest.merge(token, word, (a, b) -> b.length() < a.length() ? b : a);
        }
      }
    }
    List<String> out = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (String token : tokens) {
      if (out.size() == REASON_WORDS) {
        break;
      }
      String word = shortest.getOrDefault(token, token);
      List<String> its = SearchTokens.tokens(word);
      // 비디오를 after 비디오에 (or LLMs after LLM) names the same thing again
      if (its.stream().noneMatch(covered::contains)) {
        out.add(word);
        covered.addAll(its);
      }
    }
    return List.copyOf(out);
  }

  /** A word without the punctuation and markdown around it ({@code **LoRA**,} → {@code LoRA}). */
  private static String trim(String w) {
    int start = 0;
    int end = w.length();
    while (start < end && !Character.isLetterOrDigit(w.codePointAt(start))) {
      start += Character.charCount(w.codePointAt(start));
    }
    while (end > start && !Character.isLetterOrDigit(w.codePointBefore(end))) {
      end -= Character.charCount(w.codePointBefore(end));
    }
    return w.substring(start, end);
  }
}
