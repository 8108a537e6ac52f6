package io.paperboy.bot.config;

import java.time.Duration;

/**
 * How instances sharing one PostgreSQL database work together (ignored on SQLite, where one
 * process owns the file).
 *
 * @param lease           how long an instance holds an outbox row it is posting; if it dies
 *                        mid-post, another instance takes the row back once the lease has passed
 *                        (and looks for what was already posted before posting again). Longer than
 *                        any one post takes, rate-limit waits included
 * @param checkinInterval how often each instance tells the Quartz cluster it is alive; the planner
 *                        and poll jobs of one that stays silent about this long move to another
 */
public record ClusterConfig(String lease, String checkinInterval) {

  public ClusterConfig {
    lease = lease == null ? "5m" : lease;
    checkinInterval = checkinInterval == null ? "15s" : checkinInterval;
    if (ConfigDurations.parse("cluster.lease", lease).compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ConfigException("cluster.lease", "must be at least 1s, was " + lease);
    }
    if (ConfigDurations.parse("cluster.checkin-interval", checkinInterval).compareTo(Duration.ofMillis(100)) < 0) {
      throw new ConfigException("cluster.checkin-interval", "must be at least 100ms, was " + checkinInterval);
    }
  }

  public static ClusterConfig defaults() {
    return new ClusterConfig(null, null);
  }

  public Duration leaseDuration() {
    return ConfigDurations.parse("cluster.lease", lease);
  }

  public Duration checkin() {
    return ConfigDurations.parse("cluster.checkin-interval", checkinInterval);
  }
}
