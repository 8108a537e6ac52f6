package io.paperboy.core.health;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The readiness of one running instance, made of named checks that its parts register (the
 * database, each platform connection). Checks are asked each time, so a platform that reconnects
 * turns ready again without telling anyone. Thread-safe; one per instance, built by the
 * composition root.
 */
public final class Readiness {

  /** One part's state: {@code detail} says what is wrong, or what it is connected to. */
  public record Check(String name, boolean ready, String detail) {
    public Check {
      Objects.requireNonNull(name, "name");
      detail = detail == null ? "" : detail;
    }

    public static Check ready(String name, String detail) {
      return new Check(name, true, detail);
    }

    public static Check notReady(String name, String detail) {
      return new Check(name, false, detail);
    }
  }

  private final Map<String, Supplier<Check>> checks = new ConcurrentHashMap<>();

  /** Registers (or replaces) the check called {@code name}. */
  public void register(String name, Supplier<Check> check) {
    checks.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
  }

  /** Every check as it is now, sorted by name; a check that throws counts as not ready. */
  public List<Check> checks() {
    return checks.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> ask(e.getKey(), e.getValue()))
        .toList();
  }

  /** True when every registered check is ready (and vacuously when none is registered). */
  public boolean ready() {
    return checks().stream().allMatch(Check::ready);
  }

  private static Check ask(String name, Supplier<Check> check) {
    try {
      Check c = check.get();
      return c == null ? Check.notReady(name, "no answer") : c;
    } catch (RuntimeException e) {
      return Check.notReady(name, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
