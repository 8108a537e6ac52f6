package io.paperboy.store.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a query into an FTS5 expression that finds a superset of its matches: terms become quoted
 * phrases (with a column filter for a field prefix), AND and OR keep their shape, and what FTS5
 * cannot say exactly — exclusions, regular expressions — is left out, to be checked afterwards by
 * {@link QueryMatcher} on the candidates. Empty when nothing narrows the search (e.g. a query of
 * only a regular expression): the caller then scans a bounded set.
 */
public final class FtsTranslation {

  private FtsTranslation() {}

  public static Optional<String> candidates(Query q) {
    if (q instanceof Query.Term t) {
      String phrase = "\"" + String.join(" ", t.tokens()).replace("\"", "\"\"") + "\"";
      return Optional.of(t.field().map(f -> "{" + f.column() + "} : " + phrase).orElse(phrase));
    }
    if (q instanceof Query.Regex || q instanceof Query.Not) {
      return Optional.empty();
    }
    if (q instanceof Query.And a) {
      List<String> parts = new ArrayList<>();
      for (Query p : a.parts()) {
        candidates(p).ifPresent(parts::add);
      }
      return parts.isEmpty() ? Optional.empty() : Optional.of(join(parts, " AND "));
    }
    List<String> parts = new ArrayList<>();
    for (Query p : ((Query.Or) q).parts()) {
      Optional<String> c = candidates(p);
      if (c.isEmpty()) {
        // one unconstrained alternative makes the whole OR unconstrained
        return Optional.empty();
      }
      parts.add(c.get());
    }
    return Optional.of(join(parts, " OR "));
  }

  /** Whether the FTS5 expression alone decides the query (no exclusions or regexes to check). */
  public static boolean exact(Query q) {
    if (q instanceof Query.Term) {
      return true;
    }
    if (q instanceof Query.Regex || q instanceof Query.Not) {
      return false;
    }
    List<Query> parts = q instanceof Query.And a ? a.parts() : ((Query.Or) q).parts();
    return parts.stream().allMatch(FtsTranslation::exact);
  }

  private static String join(List<String> parts, String op) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(op, parts) + ")";
  }
}
