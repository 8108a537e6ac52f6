package io.paperboy.scheduler.poll;

import io.paperboy.scheduler.source.DigestSource;
import io.paperboy.scheduler.source.FetchResult;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A source that answers from a script, the last answer repeating; it records calls and invalidations. */
final class ScriptedSource implements DigestSource {

  private final String name;
  private final Deque<FetchResult> script = new ArrayDeque<>();
  final List<LocalDate> fetches = new ArrayList<>();
  final List<LocalDate> invalidations = new ArrayList<>();

  ScriptedSource(String name, FetchResult... answers) {
    this.name = name;
    script.addAll(List.of(answers));
  }

  ScriptedSource then(FetchResult answer) {
    script.add(answer);
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized FetchResult fetch(LocalDate date) {
    fetches.add(date);
    return script.size() > 1 ? script.poll() : script.peek();
  }

  @Override
  public synchronized void invalidate(LocalDate date) {
    invalidations.add(date);
  }
}
