package io.paperboy.store.postgresql.db;

import io.paperboy.store.StoreException;
import io.paperboy.store.postgresql.PostgresSettings;
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

/**
 * Brings a PostgreSQL schema to the newest version this code knows, refusing one written by newer
 * code. Several instances may start at once: Flyway serialises them with an advisory lock, and
 * the later ones find nothing left to do.
 */
public final class Migrations {

  /** This dialect's own history, beside {@code db/migration/sqlite}. */
  public static final String LOCATION = "classpath:db/migration/postgresql";

  private Migrations() {}

  /** Migrates and returns the schema version afterwards. */
  public static String run(PostgresSettings settings, DataSource dataSource) {
    return run(settings, dataSource, List.of(LOCATION));
  }

  static String run(PostgresSettings settings, DataSource dataSource, List<String> locations) {
    var config = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .failOnMissingLocations(true)
        .loggers(FlywayLog.class.getName());
    settings.schema().ifPresent(s -> config.schemas(s).defaultSchema(s));
    Flyway flyway = config.load();
    try {
      refuseNewerSchema(settings, flyway.info());
      flyway.migrate();
      return current(flyway);
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate database " + settings.display() + ": " + settings.redact(e.getMessage()), e);
    }
  }

  /** The schema version now, without migrating ("none" before the first migration). */
  public static String current(PostgresSettings settings, DataSource dataSource) {
    var config = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource).locations(LOCATION).loggers(FlywayLog.class.getName());
    settings.schema().ifPresent(s -> config.schemas(s).defaultSchema(s));
    try {
      return current(config.load());
    } catch (FlywayException e) {
      throw new StoreException("cannot read the schema version of " + settings.display() + ": "
          + settings.redact(e.getMessage()), e);
    }
  }

  private static String current(Flyway flyway) {
    return Optional.ofNullable(flyway.info().current())
        .map(MigrationInfo::getVersion).map(MigrationVersion::getVersion).orElse("none");
  }

  /* Flyway ignores "future" migrations by default, which would let an old build write into a schema it does not know. */
  private static void refuseNewerSchema(PostgresSettings settings, MigrationInfoService info) {
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
    throw new StoreException("database " + settings.display() + " was written by a newer Paperboy: it has schema "
        + newer + " but this version knows schema versions up to " + known
        + "; run a newer Paperboy (the database was not changed)");
  }
}
