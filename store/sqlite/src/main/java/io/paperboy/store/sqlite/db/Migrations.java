package io.paperboy.store.sqlite.db;

import io.paperboy.store.StoreException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/** Brings a database file to the newest schema this code knows, refusing one written by newer code. */
final class Migrations {

  /**
   * Where the schema's {@code V<n>__<what>.sql} files live: one folder per backend, so that each
   * dialect has its own history. Moving a file keeps its checksum, so files migrated from the old
   * {@code db/migration} folder still validate.
   */
  static final String LOCATION = "classpath:db/migration/sqlite";

  private Migrations() {}

  /**
   * Migrates and returns the schema version the file has afterwards. A file already at the newest
   * bundled schema is answered without Flyway ({@link SchemaCheck}); only the bundled location has
   * an index, so other locations (tests simulating other versions) always go through Flyway.
   */
  static String run(Path file, DataSource dataSource, List<String> locations) {
    if (locations.equals(List.of(LOCATION))) {
      Optional<String> current = SchemaCheck.currentVersion(file);
      if (current.isPresent()) {
        return current.get();
      }
    }
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .failOnMissingLocations(true)
        .loggers(FlywayLogBridge.class.getName())
        .load();
    try {
      refuseNewerSchema(file, flyway.info());
      flyway.migrate();
      return Optional.ofNullable(flyway.info().current())
          .map(MigrationInfo::getVersion).map(MigrationVersion::getVersion).orElse("none");
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate database " + file + ": " + e.getMessage(), e);
    }
  }

  /*
   * Flyway ignores "future" migrations by default (ignoreMigrationPatterns *:future), which would
   * let an old build write into a schema it does not understand, e.g. after a rollback.
   */
  private static void refuseNewerSchema(Path file, MigrationInfoService info) {
    List<MigrationInfo> future = Arrays.stream(info.all())
        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
        .collect(Collectors.toList());
    if (future.isEmpty()) {
      return;
    }
    String known = Arrays.stream(info.all())
        .filter(m -> m.getState().isResolved() && m.getVersion() != null)
        .map(MigrationInfo::getVersion)
        .max(Comparator.naturalOrder())
        .map(MigrationVersion::getVersion)
        .orElse("none");
    String newer = future.stream()
        .map(m -> "V" + Objects.toString(m.getVersion(), "?") + " (" + m.getDescription() + ")")
        .collect(Collectors.joining(", "));
    throw new StoreException("database " + file + " was written by a newer Paperboy: it has schema "
        + newer + " but this version knows schema versions up to " + known
        + "; run a newer Paperboy or restore a backup (the file was not changed)");
  }
}
