package io.paperboy.store.sqlite.search;

import io.paperboy.store.MatchCount;
import java.util.List;
import java.util.Objects;

/**
 * What a full-text match found: the best papers, best first, and how many papers match (exactly
 * when every match fits the rank window, else at least the window plus one).
 */
public record ScoredMatches(List<ScoredPaper> best, MatchCount matches) {

  public ScoredMatches {
    best = List.copyOf(best);
    Objects.requireNonNull(matches, "matches");
  }
}
