package io.paperboy.bot.instance;

import io.paperboy.bot.config.ClusterConfig;
import io.paperboy.bot.database.DatabaseSetting;
import io.paperboy.bot.delivery.DeliveryWorker;
import io.paperboy.scheduler.quartz.ClusteredSchedulers;
import io.paperboy.scheduler.quartz.QuartzSchedulers;
import io.paperboy.store.postgresql.PostgresSettings;
import java.util.UUID;

/**
 * How this instance works with the others on its database, decided once from the database
 * setting: on a SQLite file it is alone (Quartz in memory, every interrupted attempt taken back
 * at start); on PostgreSQL it is one of several (a node of the Quartz cluster, only expired
 * leases taken back, periodically).
 *
 * @param instance   this instance's name, {@code pid@host-xxxx}: the random part tells apart
 *                   instances in one JVM (the cluster bench) and a restart that reuses a pid
 * @param schedulers where the planner's and the poll's Quartz schedulers live
 * @param sharing    the delivery worker's leases and recovery
 */
public record Coordination(String instance, QuartzSchedulers schedulers, DeliveryWorker.Sharing sharing) {

  public static Coordination of(DatabaseSetting database, ClusterConfig cluster) {
    String instance = InstanceId.current() + "-" + UUID.randomUUID().toString().substring(0, 4);
    if (database instanceof DatabaseSetting.Postgres pg) {
      PostgresSettings s = pg.settings();
      return new Coordination(instance,
          new ClusteredSchedulers(new ClusteredSchedulers.Settings(s.jdbcUrl(), s.user().orElse(null),
              s.password().orElse(null), instance, cluster.checkin())),
          DeliveryWorker.Sharing.shared(instance, cluster.leaseDuration()));
    }
    return new Coordination(instance, QuartzSchedulers.inMemory(), DeliveryWorker.Sharing.exclusive());
  }

  /** Whether other instances may share the database. */
  public boolean clustered() {
    return sharing.shared();
  }
}
