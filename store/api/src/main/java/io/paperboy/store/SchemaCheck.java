package io.paperboy.store;

import java.util.Collection;
import java.util.Optional;

/**
 * What readiness says about a database's migration version against the one this build migrates
 * to. Shared by the backends so an operator reads the same words on SQLite and PostgreSQL: a
 * database behind the build (restored from an older backup, its history rolled back) or ahead of
 * it (a newer build migrated it while this one runs) is not ready, and the detail names both
 * versions and what to do, since a load balancer's log is often all an operator sees.
 */
public final class SchemaCheck {

  private SchemaCheck() {}

  /**
   * @param where    the database as it may be shown (never a password), e.g. {@code sqlite data/paperboy.db}
   * @param database the newest version the database's migration history holds now, empty when it holds none
   * @param build    the newest version this build knows, the one opening migrated the database to
   */
  public static StoreHealth compare(String where, Optional<String> database, String build) {
    if (database.isEmpty()) {
      return new StoreHealth(false, where + ": not migrated (no schema version) but this build needs schema V"
          + build + "; restart to migrate it, or run `paperboy db migrate`");
    }
    String applied = database.get();
    int order = compareVersions(applied, build);
    if (order == 0) {
      return new StoreHealth(true, where + ", schema V" + applied);
    }
    if (order < 0) {
      return new StoreHealth(false, where + ": database schema V" + applied + " is behind this build's schema V" + build
          + " (migrations undone or an older backup restored); restart to migrate it, or run `paperboy db migrate`");
    }
    return new StoreHealth(false, where + ": database schema V" + applied + " is ahead of this build's schema V" + build
        + " (a newer Paperboy migrated it); run that newer build here too");
  }

  /** The newest of Flyway-style versions ({@code 6}, {@code 50}, {@code 1.2}), compared part by part as numbers. */
  public static Optional<String> newest(Collection<String> versions) {
    return versions.stream().max(SchemaCheck::compareVersions);
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("[._]");
    String[] y = b.split("[._]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? number(x[i]) : 0;
      long q = i < y.length ? number(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  private static long number(String part) {
    try {
      return Long.parseLong(part);
    } catch (NumberFormatException e) {
      return 0; // Flyway versions are numeric; anything else compares as zero rather than failing readiness
    }
  }
}
