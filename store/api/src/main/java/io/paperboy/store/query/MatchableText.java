package io.paperboy.store.query;

import io.paperboy.store.search.SearchTokens;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper's fields prepared for matching many queries: tokenised once, with a position index per
 * field, so each term costs a hash lookup instead of a scan (a thousand alerts meet every new paper).
 * A field is tokenised when a term first looks into it, not before: a regular expression reads
 * only the raw text, and counting a trend with one streams thousands of papers through here.
 * Not for sharing between threads (matching fills it in).
 */
public final class MatchableText {

  private final Map<Field, String> raw = new EnumMap<>(Field.class);
  private final Map<Field, List<String>> tokens = new EnumMap<>(Field.class);
  private final Map<Field, Map<String, List<Integer>>> positions = new EnumMap<>(Field.class);

  public MatchableText(String title, List<String> authors, String summary) {
    raw.put(Field.TITLE, title);
    raw.put(Field.AUTHORS, String.join(", ", authors));
    raw.put(Field.SUMMARY, summary);
  }

  private void tokenise(Field field) {
    List<String> list = SearchTokens.tokens(raw.get(field));
    tokens.put(field, list);
    Map<String, List<Integer>> index = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      index.computeIfAbsent(list.get(i), k -> new ArrayList<>(2)).add(i);
    }
    positions.put(field, index);
  }

  String raw(Field field) {
    return raw.get(field);
  }

  /**
   * Whether {@code sequence} occurs as consecutive tokens of {@code field}, the last one only as a
   * prefix of its token when {@code lastIsPrefix} (as {@link Query.Term#lastIsPrefix()} says).
   */
  boolean containsSequence(Field field, List<String> sequence, boolean lastIsPrefix) {
    if (!positions.containsKey(field)) {
      tokenise(field);
    }
    List<String> list = tokens.get(field);
    int n = sequence.size();
    if (n == 1 && lastIsPrefix) {
      // a one-syllable term: a scan of the field's tokens, a few hundred at most
      String prefix = sequence.get(0);
      return list.stream().anyMatch(t -> t.startsWith(prefix));
    }
    List<Integer> starts = positions.get(field).get(sequence.get(0));
    if (starts == null) {
      return false;
    }
    for (int start : starts) {
      if (start + n > list.size()) {
        continue;
      }
      boolean all = true;
      for (int k = 1; k < n && all; k++) {
        String token = list.get(start + k);
        all = k == n - 1 && lastIsPrefix ? token.startsWith(sequence.get(k)) : token.equals(sequence.get(k));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
