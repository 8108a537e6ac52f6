package io.paperboy.store.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evaluates a {@link Query} on a paper and says which term hit which field. */
public final class QueryMatcher {

  /** One reason a paper matched: a positive term or regex and the field it was found in. */
  public record Hit(String term, Field field) {}

  private QueryMatcher() {}

  /** Whether the paper matches. */
  public static boolean matches(Query query, MatchableText text) {
    return eval(query, text, null);
  }

  /** The hits of a matching paper, empty when it does not match. */
  public static Optional<List<Hit>> explain(Query query, MatchableText text) {
    List<Hit> hits = new ArrayList<>();
    return eval(query, text, hits) ? Optional.of(List.copyOf(hits)) : Optional.empty();
  }

  private static boolean eval(Query q, MatchableText text, List<Hit> hits) {
    if (q instanceof Query.Term t) {
      return find(t.field(), text, hits, t.text(), f -> text.containsSequence(f, t.tokens(), t.lastIsPrefix()));
    }
    if (q instanceof Query.Regex r) {
      return find(r.field(), text, hits, "/" + r.source() + "/", f -> r.pattern().matcher(text.raw(f)).find());
    }
    if (q instanceof Query.Not n) {
      // exclusions explain nothing, so they never collect hits
      return !eval(n.part(), text, null);
    }
    if (q instanceof Query.And a) {
      List<Hit> local = hits == null ? null : new ArrayList<>();
      for (Query part : a.parts()) {
        if (!eval(part, text, local)) {
          return false;
        }
      }
      if (hits != null) {
        hits.addAll(local);
      }
      return true;
    }
    boolean any = false;
    for (Query part : ((Query.Or) q).parts()) {
      // keep evaluating after the first match only when explaining, to list every hit
      if (eval(part, text, hits)) {
        any = true;
        if (hits == null) {
          return true;
        }
      }
    }
    return any;
  }

  private static boolean find(Optional<Field> only, MatchableText text, List<Hit> hits, String label,
      java.util.function.Predicate<Field> test) {
    boolean found = false;
    for (Field f : only.map(List::of).orElse(List.of(Field.values()))) {
      if (test.test(f)) {
        found = true;
        if (hits == null) {
          return true;
        }
        hits.add(new Hit(label, f));
      }
    }
    return found;
  }
}
