package io.paperboy.bot.alerts;

import io.paperboy.store.query.QueryMatcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Says why a paper matched: {@code 확산 in summary, video in title}. */
public final class Why {

  private Why() {}

  public static String describe(List<QueryMatcher.Hit> hits) {
    Set<String> parts = new LinkedHashSet<>();
    for (QueryMatcher.Hit h : hits) {
      parts.add(h.term() + " in " + h.field().name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", parts);
  }
}
