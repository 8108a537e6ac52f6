package io.paperboy.scheduler.quartz;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz schedulers on the clustered JDBC job store in PostgreSQL (tables from the Flyway
 * migration {@code V50__quartz_tables.sql}): every instance is a node; each trigger fire is
 * acquired by one node under Quartz's row lock, and a node that stops checking in for about
 * {@link Settings#checkinInterval} has its fired triggers taken up by another.
 *
 * <p>The settings that matter, on purpose (see docs/scale-out.md):
 * <ul>
 *   <li>{@code isClustered=true}, {@code PostgreSQLDelegate};</li>
 *   <li>{@code acquireTriggersWithinLock=true}: without it double fires have been reported;</li>
 *   <li>one worker thread per scheduler: the planner and the poll are never concurrent anyway
 *       ({@code @DisallowConcurrentExecution}, honoured across the cluster);</li>
 *   <li>every trigger Paperboy schedules carries an explicit misfire instruction.</li>
 * </ul>
 *
 * <p>The data source is Quartz's own small HikariCP pool on the same JDBC URL (and so the same
 * schema) as the PostgreSQL store, rather than the store's pool: Quartz wants a
 * {@code java.sql.Connection} provider, and only the store adapters may see {@code java.sql}. Two
 * connections per scheduler; Quartz's transactions stay out of the store's pool either way.
 */
public final class ClusteredSchedulers implements QuartzSchedulers {

  /**
   * @param jdbcUrl         {@code jdbc:postgresql://host:port/db?currentSchema=…}, the store's database
   * @param user            database user, or null to let the driver choose (the OS user)
   * @param password        database password, or null (never logged: see {@link #toString})
   * @param nodeId          this instance's name in the cluster, unique among the live instances
   * @param checkinInterval how often a node tells the others it is alive; a node silent for
   *                        about this long is declared dead and its fired triggers recovered
   */
  public record Settings(String jdbcUrl, String user, String password, String nodeId, Duration checkinInterval) {

    public Settings {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(checkinInterval, "checkinInterval");
      if (checkinInterval.toMillis() < 100) {
        throw new IllegalArgumentException("cluster check-in interval too short: " + checkinInterval);
      }
    }

    @Override
    public String toString() {
      return "Settings[" + jdbcUrl + ", user " + user + ", node " + nodeId + ", check-in " + checkinInterval + "]";
    }
  }

  /** The default check-in interval: Quartz's own (15 s). */
  public static final Duration DEFAULT_CHECKIN = Duration.ofSeconds(15);

  private final Settings settings;

  public ClusteredSchedulers(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public Scheduler create(String name, ConstructorJobFactory jobs) throws SchedulerException {
    String instanceName = name; // the same on every node: that is what makes them one cluster
    // DBConnectionManager is JVM-wide and keyed by data source name: one name per scheduler
    String dataSource = "paperboy_" + UUID.randomUUID().toString().replace("-", "");
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", instanceName);
    p.setProperty("org.quartz.scheduler.instanceId", settings.nodeId());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSource);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.checkinInterval().toMillis()));
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    // job data maps hold strings only (Paperboy's hold nothing): no Java serialization in the database
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    p.setProperty("org.quartz.dataSource." + dataSource + ".provider", "hikaricp");
    p.setProperty("org.quartz.dataSource." + dataSource + ".driver", "org.postgresql.Driver");
    p.setProperty("org.quartz.dataSource." + dataSource + ".URL", settings.jdbcUrl());
    if (settings.user() != null) {
      p.setProperty("org.quartz.dataSource." + dataSource + ".user", settings.user());
    }
    if (settings.password() != null) {
      p.setProperty("org.quartz.dataSource." + dataSource + ".password", settings.password());
    }
    p.setProperty("org.quartz.dataSource." + dataSource + ".maxConnections", "3");
    Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
    // StdSchedulerFactory hands out an existing scheduler of the same name from a JVM-wide
    // registry; the registry is only that lookup, so leave it and let several nodes share a JVM
    // (the cluster tests, the bench)
    SchedulerRepository.getInstance().remove(instanceName);
    scheduler.setJobFactory(jobs);
    return scheduler;
  }

  @Override
  public String toString() {
    return "ClusteredSchedulers[" + settings + "]";
  }
}
