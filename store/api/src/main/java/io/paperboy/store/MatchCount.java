package io.paperboy.store;

/**
 * How many papers a search matches: exactly, or at least a number, when counting them all would
 * cost more than finding the best few (a backend ranks a bounded window of matches, and a count
 * past it would walk every match).
 *
 * @param count the number of matches, or a lower bound of it
 * @param exact whether {@code count} is the number itself
 */
public record MatchCount(int count, boolean exact) {

  public MatchCount {
    if (count < 0) {
      throw new IllegalArgumentException("a match count cannot be negative: " + count);
    }
  }

  public static MatchCount exactly(int count) {
    return new MatchCount(count, true);
  }

  public static MatchCount atLeast(int count) {
    return new MatchCount(count, false);
  }
}
