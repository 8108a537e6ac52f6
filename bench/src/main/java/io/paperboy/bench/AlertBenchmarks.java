package io.paperboy.bench;

import io.paperboy.scheduler.digest.DigestParser;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.query.MatchableText;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryMatcher;
import io.paperboy.store.query.QueryParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Matching many alerts against new papers: the per-paper cost an ingest pays. */
final class AlertBenchmarks {

  private static final String[] TERMS = {"확산", "모델", "강화학습", "에이전트", "양자화", "비디오", "LLM", "diffusion",
      "agent", "alignment", "reasoning", "LoRA", "Mamba", "benchmark", "transformer", "토큰", "멀티모달", "RLHF"};

  /** {@code n} alert queries of the shapes people save: words, OR, exclusions, fields, phrases, a few regexes. */
  static List<Query> alerts(int n, long seed) {
    Random r = new Random(seed);
    List<Query> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String a = TERMS[r.nextInt(TERMS.length)];
      String b = TERMS[r.nextInt(TERMS.length)];
      String q = switch (i % 6) {
        case 0 -> a;
        case 1 -> a + " " + b;
        case 2 -> a + " OR " + b;
        case 3 -> "title:" + a + " -" + b;
        case 4 -> "\"" + a + " " + b + "\"";
        default -> "/" + a.toLowerCase(java.util.Locale.ROOT) + "[- ]?\\d*/";
      };
      out.add(QueryParser.parse(q));
    }
    return out;
  }

  /** Per-paper latency of matching every alert against {@code papers} papers (tokenising included). */
  static Latencies perPaper(List<Query> alerts, List<DigestEntry> papers) {
    Latencies l = new Latencies();
    for (int round = 0; round < 2; round++) {
      for (DigestEntry e : papers) {
        long t0 = System.nanoTime();
        MatchableText text = new MatchableText(e.title(), e.authors(), e.summary());
        int hits = 0;
        for (Query q : alerts) {
          if (QueryMatcher.explain(q, text).isPresent()) {
            hits++;
          }
        }
        if (round == 1) {
          l.add(System.nanoTime() - t0);
        }
        if (hits < 0) {
          throw new AssertionError("unreachable: keeps the loop from being optimised away");
        }
      }
    }
    return l;
  }

  /** Synthetic entries: one 70-paper day, or many days' worth. */
  static List<DigestEntry> entries(int count, long seed) throws Exception {
    DigestParser parser = new DigestParser();
    List<DigestEntry> out = new ArrayList<>();
    for (SyntheticCorpus.Day d : new SyntheticCorpus(seed).days(LocalDate.of(2024, 1, 1), count)) {
      Digest digest = parser.parse(d.date() + ".md", d.markdown());
      out.addAll(digest.entries());
    }
    return out;
  }
}
