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
 * <p>A query compares the given paper's {@value #QUERY_TERMS} heaviest terms with every paper's
 * kept ones. {@link #similar} walks the inverted lists of those terms; {@link #bruteForce}
 * compares the query with every paper one by one. Both add the same products in the same order,
 * so they return identical scores; the second exists as the baseline the bench measures against.
 *
 * <p>Longer than our usual class: the {@link Builder} stays inside because it lays out the private
 * flat arrays the queries walk, and the two halves change together whenever that layout does.
 */
public final class SimilarityIndex {

  /** Terms kept per paper. */
  public static final int TERMS_PER_PAPER = 48;
  /** Terms of the given paper a query compares: its heaviest ones. */
  public static final int QUERY_TERMS = 32;
  /** How many times a title token counts against one in the summary. */
  public static final int TITLE_WEIGHT = 2;
  /** Heaviest terms of the paper whose strongest papers {@link #related} takes as candidates. */
  static final int RELATED_SEED_TERMS = 12;
  /** Per term, how many of its strongest papers {@link #related} looks at. */
  static final int IMPACT_POSTINGS = 64;

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
  // per term: at most IMPACT_POSTINGS of its papers, heaviest first (impact-ordered, cut)
  private final int[] impactStart;
  private final int[] impactDocs;
  /**
   * Per thread, {@link #similar}'s scores, all zero between queries: one array per thread rather
   * than one per query (4 bytes a paper: 400 KB at 100,000 papers), to spare the collector. A thread
   * keeps an old index's array until its thread-local map drops the stale entry.
   */
  private final ThreadLocal<float[]> scratch;

  private SimilarityIndex(String[] ids, int[] votes, String[] terms, int[] docStart, int[] docTerms, float[] docWeights) {
    this.ids = ids;
    this.votes = votes;
    this.terms = terms;
    this.docStart = docStart;
    this.docTerms = docTerms;
    this.docWeights = docWeights;
    this.scratch = ThreadLocal.withInitial(() -> new float[ids.length]);
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
    impactStart = new int[terms.length + 1];
    for (int t = 0; t < terms.length; t++) {
      impactStart[t + 1] = impactStart[t] + Math.min(IMPACT_POSTINGS, termStart[t + 1] - termStart[t]);
    }
    impactDocs = new int[impactStart[terms.length]];
    for (int t = 0; t < terms.length; t++) {
      int from = termStart[t];
      int length = termStart[t + 1] - from;
      // weight (a positive float's bits order as the float) high, paper low: heaviest, then first stored
      long[] byWeight = new long[length];
      for (int p = 0; p < length; p++) {
        byWeight[p] = ((long) Float.floatToIntBits(postingWeights[from + p]) << 32) | (Integer.MAX_VALUE - postingDocs[from + p]);
      }
      Arrays.sort(byWeight);
      for (int k = 0; k < impactStart[t + 1] - impactStart[t]; k++) {
        impactDocs[impactStart[t] + k] = Integer.MAX_VALUE - (int) byWeight[length - 1 - k];
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
    int[] query = queryTerms(q);
    float[] scores = scratch.get();
    try {
      for (int i : query) {
        int t = docTerms[i];
        float wq = docWeights[i];
        for (int p = termStart[t]; p < termStart[t + 1]; p++) {
          scores[postingDocs[p]] += wq * postingWeights[p];
        }
      }
      return Optional.of(best(q, query, scores, n));
    } finally {
      Arrays.fill(scores, 0f);
    }
  }

  /**
   * A quick few papers like {@code arxivId}, for a card's "related papers": the candidates are the
   * {@value #IMPACT_POSTINGS} strongest papers of each of its {@value #RELATED_SEED_TERMS}
   * heaviest terms, each scored exactly as {@link #similar} scores it. So every paper returned is
   * ranked and scored as {@code /similar} would, and the work is bounded by those constants, not
   * by the number of papers; a paper that is alike only through many weak terms can be missed,
   * which {@code /similar} (the whole inverted lists) does not. Empty when the paper is not indexed.
   */
  public Optional<List<Match>> related(String arxivId, int n) {
    Integer q = docOf.get(arxivId);
    if (q == null) {
      return Optional.empty();
    }
    int[] query = queryTerms(q);
    int[] seeds = heaviest(query, RELATED_SEED_TERMS);
    java.util.BitSet seen = new java.util.BitSet(ids.length);
    int[] candidates = new int[seeds.length * IMPACT_POSTINGS];
    int count = 0;
    for (int i : seeds) {
      int t = docTerms[i];
      for (int p = impactStart[t]; p < impactStart[t + 1]; p++) {
        int d = impactDocs[p];
        if (d != q && !seen.get(d)) {
          seen.set(d);
          candidates[count++] = d;
        }
      }
    }
    Map<Integer, Float> scores = new HashMap<>(count * 2);
    for (int c = 0; c < count; c++) {
      scores.put(candidates[c], dot(query, candidates[c]));
    }
    List<Integer> ranked = new ArrayList<>(scores.keySet());
    ranked.removeIf(d -> scores.get(d) <= 0);
    ranked.sort((a, b) -> before(scores.get(a), scores.get(b), a, b) ? -1 : before(scores.get(b), scores.get(a), b, a) ? 1 : 0);
    List<Match> matches = new ArrayList<>(Math.min(n, ranked.size()));
    for (int k = 0; k < Math.min(Math.max(n, 0), ranked.size()); k++) {
      int d = ranked.get(k);
      matches.add(new Match(ids[d], scores.get(d), shared(query, d)));
    }
    return Optional.of(matches);
  }

  /** Of the query's positions, the {@code k} with the heaviest weights. */
  private int[] heaviest(int[] query, int k) {
    Integer[] order = new Integer[query.length];
    for (int i = 0; i < query.length; i++) {
      order[i] = query[i];
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -docWeights[i]).thenComparingInt(i -> docTerms[i]));
    int[] kept = new int[Math.min(k, order.length)];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = order[i];
    }
    return kept;
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
    int[] query = queryTerms(q);
    float[] scores = new float[ids.length];
    for (int d = 0; d < ids.length; d++) {
      scores[d] = dot(query, d);
    }
    return Optional.of(best(q, query, scores, n));
  }

  /**
   * The positions (in the flat per-paper arrays) of the paper's {@value #QUERY_TERMS} heaviest
   * terms, in term order: what a query compares. The lighter half of a paper's terms changes few
   * rankings but, being the commoner terms, costs most of the work.
   */
  private int[] queryTerms(int q) {
    int from = docStart[q];
    int count = docStart[q + 1] - from;
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = from + i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -docWeights[i]).thenComparingInt(i -> docTerms[i]));
    int[] kept = new int[Math.min(QUERY_TERMS, count)];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = order[i];
    }
    // positions ascend with term ids, so sorting positions sorts by term
    Arrays.sort(kept);
    return kept;
  }

  private float dot(int[] query, int b) {
    int i = 0;
    int j = docStart[b];
    float sum = 0;
    while (i < query.length && j < docStart[b + 1]) {
      int ta = docTerms[query[i]];
      int tb = docTerms[j];
      if (ta == tb) {
        sum += docWeights[query[i++]] * docWeights[j++];
      } else if (ta < tb) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  /** Whether paper {@code a} ranks before {@code b}: higher score, then more votes, then the smaller id. */
  private boolean before(float[] scores, int a, int b) {
    return before(scores[a], scores[b], a, b);
  }

  private boolean before(float scoreA, float scoreB, int a, int b) {
    if (scoreA != scoreB) {
      return scoreA > scoreB;
    }
    if (votes[a] != votes[b]) {
      return votes[a] > votes[b];
    }
    return ids[a].compareTo(ids[b]) < 0;
  }

  private List<Match> best(int q, int[] query, float[] scores, int n) {
    if (n < 1) {
      return List.of();
    }
    // the n best so far, best first: n is small (at most a few dozen), so insertion beats a heap
    int[] top = new int[n];
    int size = 0;
    for (int d = 0; d < scores.length; d++) {
      if (d == q || scores[d] <= 0 || size == n && scores[d] < scores[top[n - 1]]) {
        continue;
      }
      if (size == n && !before(scores, d, top[n - 1])) {
        continue;
      }
      int at = size == n ? n - 1 : size++;
      while (at > 0 && before(scores, d, top[at - 1])) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = d;
    }
    List<Match> matches = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      matches.add(new Match(ids[top[k]], scores[top[k]], shared(query, top[k])));
    }
    return matches;
  }

  /** The query's terms the paper has too, by how much each added to their similarity. */
  private List<String> shared(int[] query, int b) {
    List<int[]> both = new ArrayList<>();
    List<Float> products = new ArrayList<>();
    int i = 0;
    int j = docStart[b];
    while (i < query.length && j < docStart[b + 1]) {
      int ta = docTerms[query[i]];
      int tb = docTerms[j];
      if (ta == tb) {
        both.add(new int[] {ta, both.size()});
        products.add(docWeights[query[i++]] * docWeights[j++]);
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
      for (String token : SearchTokens.tokens(paper.title())) {
        for (int k = 0; k < TITLE_WEIGHT; k++) {
          count[0] = push(count[0], token);
        }
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
