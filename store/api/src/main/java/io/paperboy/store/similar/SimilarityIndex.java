package io.paperboy.store.similar;

import io.paperboy.store.PaperText;
import io.paperboy.store.search.SearchTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * An immutable TF-IDF index of papers' titles and summaries, answering "which papers are most like
 * this one" by cosine similarity.
 *
 * <p>Each paper becomes a vector of its {@value #TERMS_PER_PAPER} heaviest terms, weighted
 * {@code (1 + ln tf) · ln(1 + N / df)} (title tokens count {@value #TITLE_WEIGHT} times) and
 * normalised to length 1. Why only the heaviest: they carry nearly all of a summary's content, they
 * bound both the memory (at 100,000 papers about 40 MB) and the work of one query, and they make
 * the reason shown ("shares …") the terms that actually decided. Terms that only one paper has are
 * left out first: they can never be shared; so are numbers, which name versions and sizes, not topics.
 *
 * <p>{@link #similar} walks the inverted lists of the query paper's terms; {@link #bruteForce}
 * compares the query with every paper one by one. Both add the same products in the same order,
 * so they return identical scores; the second exists as the baseline the bench measures against.
 */
public final class SimilarityIndex {

  /** Terms kept per paper. */
  public static final int TERMS_PER_PAPER = 48;
  /** How many times a title token counts against one in the summary. */
  public static final int TITLE_WEIGHT = 2;

  /**
   * One paper found alike.
   *
   * @param arxivId      the paper
   * @param score        cosine similarity in (0, 1]
   * @param sharedTerms  the search tokens both papers have, heaviest contribution first
   */
  public record Match(String arxivId, double score, List<String> sharedTerms) {
    public Match {
      Objects.requireNonNull(arxivId, "arxivId");
      sharedTerms = List.copyOf(sharedTerms);
    }
  }

  private final String[] ids;
  private final int[] votes;
  private final Map<String, Integer> docOf;
  private final String[] terms;
  // per paper: its kept term ids (ascending) and weights, in one flat array each (CSR layout)
  private final int[] docStart;
  private final int[] docTerms;
  private final float[] docWeights;
  // per term: the papers that kept it (ascending) and their weights
  private final int[] termStart;
  private final int[] postingDocs;
  private final float[] postingWeights;

  private SimilarityIndex(String[] ids, int[] votes, String[] terms, int[] docStart, int[] docTerms, float[] docWeights) {
    this.ids = ids;
    this.votes = votes;
    this.terms = terms;
    this.docStart = docStart;
    this.docTerms = docTerms;
    this.docWeights = docWeights;
    this.docOf = new HashMap<>(ids.length * 2);
    for (int d = 0; d < ids.length; d++) {
      docOf.put(ids[d], d);
    }
    termStart = new int[terms.length + 1];
    for (int t : docTerms) {
      termStart[t + 1]++;
    }
    for (int t = 0; t < terms.length; t++) {
      termStart[t + 1] += termStart[t];
    }
    postingDocs = new int[docTerms.length];
    postingWeights = new float[docTerms.length];
    int[] fill = Arrays.copyOf(termStart, terms.length);
    for (int d = 0; d < ids.length; d++) {
      for (int i = docStart[d]; i < docStart[d + 1]; i++) {
        int at = fill[docTerms[i]]++;
        postingDocs[at] = d;
        postingWeights[at] = docWeights[i];
      }
    }
  }

  /** A builder to feed with {@link io.paperboy.store.PaperStore#paperTexts}: {@code store.paperTexts(b::add)}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The index of {@code papers}. */
  public static SimilarityIndex of(List<PaperText> papers) {
    Builder b = builder();
    papers.forEach(b::add);
    return b.build();
  }

  /** How many papers are indexed. */
  public int size() {
    return ids.length;
  }

  /** Whether the paper is indexed. */
  public boolean contains(String arxivId) {
    return docOf.containsKey(arxivId);
  }

  /**
   * The {@code n} papers most like {@code arxivId}, most alike first (ties: more votes, then the
   * smaller id); only papers sharing at least one term. Empty when the paper is not indexed.
   */
  public Optional<List<Match>> similar(String arxivId, int n) {
    Integer q = docOf.get(arxivId);
    if (q == null) {
      return Optional.empty();
    }
    float[] scores = new float[ids.length];
    for (int i = docStart[q]; i < docStart[q + 1]; i++) {
      int t = docTerms[i];
      float wq = docWeights[i];
      for (int p = termStart[t]; p < termStart[t + 1]; p++) {
        scores[postingDocs[p]] += wq * postingWeights[p];
      }
    }
    return Optional.of(best(q, scores, n));
  }

  /**
   * The same answer as {@link #similar}, found by comparing the paper with every indexed paper in
   * turn: the baseline an inverted index has to beat.
   */
  public Optional<List<Match>> bruteForce(String arxivId, int n) {
    Integer q = docOf.get(arxivId);
    if (q == null) {
      return Optional.empty();
    }
    float[] scores = new float[ids.length];
    for (int d = 0; d < ids.length; d++) {
      scores[d] = dot(q, d);
    }
    return Optional.of(best(q, scores, n));
  }

  private float dot(int a, int b) {
    int i = docStart[a];
    int j = docStart[b];
    float sum = 0;
    while (i < docStart[a + 1] && j < docStart[b + 1]) {
      int ta = docTerms[i];
      int tb = docTerms[j];
      if (ta == tb) {
        sum += docWeights[i++] * docWeights[j++];
      } else if (ta < tb) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  private List<Match> best(int q, float[] scores, int n) {
    if (n < 1) {
      return List.of();
    }
    Comparator<Integer> better = Comparator.<Integer>comparingDouble(d -> scores[d])
        .thenComparingInt(d -> votes[d])
        .thenComparing(d -> ids[d], Comparator.reverseOrder());
    // a min-heap of the n best so far: its head is the worst of them
    PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, better);
    for (int d = 0; d < scores.length; d++) {
      if (d == q || scores[d] <= 0) {
        continue;
      }
      if (heap.size() < n) {
        heap.add(d);
      } else if (better.compare(d, heap.peek()) > 0) {
        heap.poll();
        heap.add(d);
      }
    }
    List<Integer> top = new ArrayList<>(heap);
    top.sort(better.reversed());
    List<Match> matches = new ArrayList<>(top.size());
    for (int d : top) {
      matches.add(new Match(ids[d], scores[d], shared(q, d)));
    }
    return matches;
  }

  /** The terms both papers kept, by how much each added to their similarity. */
  private List<String> shared(int a, int b) {
    List<int[]> both = new ArrayList<>();
    List<Float> products = new ArrayList<>();
    int i = docStart[a];
    int j = docStart[b];
    while (i < docStart[a + 1] && j < docStart[b + 1]) {
      int ta = docTerms[i];
      int tb = docTerms[j];
      if (ta == tb) {
        both.add(new int[] {ta, both.size()});
        products.add(docWeights[i++] * docWeights[j++]);
      } else if (ta < tb) {
        i++;
      } else {
        j++;
      }
    }
    both.sort(Comparator.<int[]>comparingDouble(x -> products.get(x[1])).reversed()
        .thenComparing(x -> terms[x[0]]));
    return both.stream().map(x -> terms[x[0]]).toList();
  }

  /** Collects papers one at a time (as a store streams them), then weighs and indexes them. */
  public static final class Builder {

    private final Map<String, Integer> termIds = new HashMap<>();
    private final List<String> terms = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<Integer> votes = new ArrayList<>();
    // per paper, until build(): its distinct term ids (ascending) and their counts
    private final List<int[]> paperTerms = new ArrayList<>();
    private final List<int[]> paperCounts = new ArrayList<>();
    private int[] scratch = new int[1024];

    private Builder() {}

    /**
     * Adds a paper.
     *
     * @throws IllegalArgumentException if the paper was added before
     */
    public Builder add(PaperText paper) {
      if (seen.putIfAbsent(paper.arxivId(), ids.size()) != null) {
        throw new IllegalArgumentException("paper " + paper.arxivId() + " added twice to the similarity index");
      }
      int[] count = {0};
      for (int k = 0; k < TITLE_WEIGHT; k++) {
        SearchTokens.tokens(paper.title()).forEach(token -> count[0] = push(count[0], token));
      }
      SearchTokens.tokens(paper.summary()).forEach(token -> count[0] = push(count[0], token));
      int n = count[0];
      Arrays.sort(scratch, 0, n);
      int distinct = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || scratch[i] != scratch[i - 1]) {
          distinct++;
        }
      }
      int[] ts = new int[distinct];
      int[] cs = new int[distinct];
      int k = -1;
      for (int i = 0; i < n; i++) {
        if (i == 0 || scratch[i] != scratch[i - 1]) {
          ts[++k] = scratch[i];
        }
        cs[k]++;
      }
      ids.add(paper.arxivId());
      votes.add(paper.votes().orElse(-1));
      paperTerms.add(ts);
      paperCounts.add(cs);
      return this;
    }

    private int push(int at, String token) {
      if (isNumber(token)) {
        // version numbers, sizes and list numbering ("2", "99") say nothing about a topic
        return at;
      }
      Integer id = termIds.get(token);
      if (id == null) {
        id = terms.size();
        termIds.put(token, id);
        terms.add(token);
      }
      if (at == scratch.length) {
        scratch = Arrays.copyOf(scratch, at * 2);
      }
      scratch[at] = id;
      return at + 1;
    }

    private static boolean isNumber(String token) {
      return token.chars().allMatch(Character::isDigit);
    }

    /** Weighs every paper's terms against the whole collection and builds the index. */
    public SimilarityIndex build() {
      int papers = ids.size();
      int[] df = new int[terms.size()];
      for (int[] ts : paperTerms) {
        for (int t : ts) {
          df[t]++;
        }
      }
      int[] docStart = new int[papers + 1];
      int[] docTerms = new int[papers * TERMS_PER_PAPER];
      float[] docWeights = new float[papers * TERMS_PER_PAPER];
      int used = 0;
      for (int d = 0; d < papers; d++) {
        int[] ts = paperTerms.get(d);
        int[] cs = paperCounts.get(d);
        // release the raw counts as they are consumed: at 100,000 papers they are the peak of memory
        paperTerms.set(d, null);
        paperCounts.set(d, null);
        Integer[] order = new Integer[ts.length];
        double[] w = new double[ts.length];
        int candidates = 0;
        for (int i = 0; i < ts.length; i++) {
          if (df[ts[i]] < 2) {
            continue;
          }
          w[i] = (1 + Math.log(cs[i])) * Math.log(1 + (double) papers / df[ts[i]]);
          order[candidates++] = i;
        }
        Integer[] kept = Arrays.copyOf(order, candidates);
        // heaviest first; equal weights by term id, so the choice is reproducible
        Arrays.sort(kept, Comparator.<Integer>comparingDouble(i -> -w[i]).thenComparingInt(i -> ts[i]));
        int keep = Math.min(TERMS_PER_PAPER, kept.length);
        Integer[] chosen = Arrays.copyOf(kept, keep);
        Arrays.sort(chosen, Comparator.comparingInt(i -> ts[i]));
        double norm = 0;
        for (int i : chosen) {
          norm += w[i] * w[i];
        }
        norm = Math.sqrt(norm);
        docStart[d] = used;
        for (int i : chosen) {
          docTerms[used] = ts[i];
          docWeights[used] = (float) (w[i] / norm);
          used++;
        }
      }
      docStart[papers] = used;
      int[] voteArray = votes.stream().mapToInt(Integer::intValue).toArray();
      return new SimilarityIndex(ids.toArray(String[]::new), voteArray, terms.toArray(String[]::new), docStart,
          Arrays.copyOf(docTerms, used), Arrays.copyOf(docWeights, used));
    }
  }
}
