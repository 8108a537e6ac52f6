package io.paperboy.store;

import java.util.List;
import java.util.Objects;

/**
 * The best papers of a search and how many match in all, so that an answer can say "5 of 17".
 *
 * @param hits    the best matches, best first, at most the limit asked for
 * @param matches how many papers match, never fewer than {@code hits}
 */
public record SearchPage(List<SearchHit> hits, MatchCount matches) {

  public SearchPage {
    hits = List.copyOf(hits);
    Objects.requireNonNull(matches, "matches");
    if (matches.count() < hits.size()) {
      throw new IllegalArgumentException(hits.size() + " hits but a count of " + matches.count());
    }
  }

  /** Nothing looked for (a limit below 1): no hits, and nothing known of the matches. */
  public static SearchPage none() {
    return new SearchPage(List.of(), MatchCount.atLeast(0));
  }

  /** Whether more papers match than the hits list (or may). */
  public boolean more() {
    return !matches.exact() || matches.count() > hits.size();
  }
}
