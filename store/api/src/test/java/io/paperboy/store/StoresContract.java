package io.paperboy.store;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of every contract suite: a backend's test subclasses a suite and says how to open a
 * fresh, empty set of its stores. The suites rely on nothing but the ports: no file paths, no row
 * ids beyond what the ports answer, no SQL, so every backend must give the same answers.
 */
public abstract class StoresContract {

  private final List<Stores> opened = new ArrayList<>();

  /**
   * A fresh, empty, migrated set of stores on a database of its own, e.g. a new file in a
   * temporary folder or a new schema. Called once or more per test; the suite closes each.
   */
  protected abstract Stores openEmpty();

  /** Opens a fresh, empty set of stores that is closed after the test. */
  protected final Stores fresh() {
    Stores stores = openEmpty();
    opened.add(stores);
    return stores;
  }

  @AfterEach
  final void closeOpenedStores() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
  }
}
