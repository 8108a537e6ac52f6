package io.paperboy.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh SQLite file per test, migrated, with a {@link SqlitePaperStore} on it. */
abstract class RealStoreTest {

  @TempDir
  Path dir;
  Database db;
  SqlitePaperStore store;

  @BeforeEach
  void openStore() {
    db = Database.open(dir.resolve("paperboy.db"));
    store = new SqlitePaperStore(db);
  }

  @AfterEach
  void closeStore() {
    db.close();
  }
}
