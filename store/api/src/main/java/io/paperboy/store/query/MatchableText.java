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
 */
public final class MatchableText {

  private final Map<Field, String> raw = new EnumMap<>(Field.class);
  private final Map<Field, List<String>> tokens = new EnumMap<>(Field.class);
  private final Map<Field, Map<String, List<Integer>>> positions = new EnumMap<>(Field.class);

  public MatchableText(String title, List<String> authors, String summary) {
    put(Field.TITLE, title);
    put(Field.AUTHORS, String.join(", ", authors));
    put(Field.SUMMARY, summary);
  }

  private void put(Field field, String text) {
    raw.put(field, text);
    List<String> list = SearchTokens.tokens(text);
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

  /** Whether {@code sequence} occurs as consecutive tokens of {@code field}. */
  boolean containsSequence(Field field, List<String> sequence) {
    List<Integer> starts = positions.get(field).get(sequence.get(0));
    if (starts == null) {
      return false;
    }
    List<String> list = tokens.get(field);
    for (int start : starts) {
      if (start + sequence.size() > list.size()) {
        continue;
      }
      boolean all = true;
      for (int k = 1; k < sequence.size() && all; k++) {
        all = list.get(start + k).equals(sequence.get(k));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
