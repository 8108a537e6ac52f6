package io.paperboy.bot.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * Every setting, with its default. Keys are the kebab-case component names, nested by section
 * ({@code discord.api-url}); the environment variable of a key is {@code PAPERBOY_} plus the key
 * in upper snake case ({@code PAPERBOY_DISCORD_API_URL}).
 *
 * @param database the SQLite file
 * @param timezone the zone that defines "today" for commands and the ingest schedule
 * @param seeds    folders or files ingested at every start of {@code run} (idempotent)
 * @param discord  Discord endpoints
 * @param slack    Slack endpoints and command settings
 * @param alerts   limits on keyword alerts
 * @param sources  where the ingest job looks for each day's digest, in priority order:
 *                 {@code folder:PATH}, {@code http:URL-TEMPLATE} ({@code {yyyy}/{MM}/{dd}}), {@code hf[:BASE-URL]}
 * @param ingest   when the ingest job polls
 * @param delivery daily posts: subscription defaults, catch-up window, retries, worker
 * @param ops      the operations endpoint (health, readiness, metrics); off by default
 * @param cluster  how instances sharing a PostgreSQL database work together: leases, check-ins
 */
public record PaperboyConfig(
    String database,
    String timezone,
    List<String> seeds,
    DiscordConfig discord,
    SlackConfig slack,
    AlertsConfig alerts,
    List<String> sources,
    IngestConfig ingest,
    DeliveryConfig delivery,
    OpsConfig ops,
    ClusterConfig cluster) {

  public PaperboyConfig {
    database = database == null ? "data/paperboy.db" : database;
    timezone = timezone == null ? "Asia/Seoul" : timezone;
    seeds = seeds == null ? List.of("seeds") : List.copyOf(seeds);
    discord = discord == null ? new DiscordConfig(null, null) : discord;
    slack = slack == null ? new SlackConfig(null, null, null, null, null) : slack;
    alerts = alerts == null ? AlertsConfig.defaults() : alerts;
    sources = sources == null ? List.of("folder:seeds", "folder:data/inbox") : List.copyOf(sources);
    ingest = ingest == null ? IngestConfig.defaults() : ingest;
    delivery = delivery == null ? DeliveryConfig.defaults() : delivery;
    ops = ops == null ? OpsConfig.off() : ops;
    cluster = cluster == null ? ClusterConfig.defaults() : cluster;
    try {
      ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new ConfigException("timezone", Quoting.quote(timezone) + " is not an IANA time zone (e.g. Asia/Seoul, UTC)");
    }
    if (database.isBlank()) {
      throw new ConfigException("database", "must not be empty");
    }
  }

  /** The configuration with every default. */
  public static PaperboyConfig defaults() {
    return new PaperboyConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  public ZoneId zone() {
    return ZoneId.of(timezone);
  }

  public Path databasePath() {
    return Path.of(database);
  }

  public PaperboyConfig withDatabase(String path) {
    return new PaperboyConfig(path, timezone, seeds, discord, slack, alerts, sources, ingest, delivery, ops, cluster);
  }

  public PaperboyConfig withOps(OpsConfig newOps) {
    return new PaperboyConfig(database, timezone, seeds, discord, slack, alerts, sources, ingest, delivery, newOps, cluster);
  }
}
