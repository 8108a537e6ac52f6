package io.paperboy.bot;

import io.paperboy.core.command.CommandService;
import io.paperboy.bot.config.DiscordConfig;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.config.SlackConfig;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.health.Readiness;
import io.paperboy.discord.DiscordBot;
import io.paperboy.discord.DiscordConnection;
import io.paperboy.discord.DiscordPacing;
import io.paperboy.discord.ShardPlan;
import io.paperboy.store.ratelimit.SharedRateLimit;
import io.paperboy.discord.DiscordSettings;
import io.paperboy.slack.SlackAdapter;
import io.paperboy.slack.SlackSettings;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform adapters {@code run} starts: Discord when {@code DISCORD_TOKEN} is set, Slack when
 * its secrets are (Socket Mode with {@code SLACK_APP_TOKEN}, HTTP mode with
 * {@code SLACK_SIGNING_SECRET}). An adapter whose secrets are absent is simply not started; one
 * whose secrets are incomplete is not started either, and {@code run} says which variable is missing.
 */
public final class PlatformAdapters implements AutoCloseable {

  private final Map<Platform, ChannelGateway> gateways;
  private final List<AutoCloseable> running;

  private PlatformAdapters(Map<Platform, ChannelGateway> gateways, List<AutoCloseable> running) {
    this.gateways = gateways;
    this.running = running;
  }

  /**
   * @param env    the environment holding the secrets
   * @param notes  where to say what is missing (the adapters log what started, once it has)
   * @throws Exception when an adapter with complete secrets fails to start (a wrong token, an
   *                   unreachable Discord): better to stop than to run half-configured; Slack
   *                   unreachable at start is retried in the background instead (its log line says so)
   */
  public static PlatformAdapters start(Map<String, String> env, PaperboyConfig config, CommandService commands,
      Clock clock, PrintStream notes) throws Exception {
    return start(env, config, commands, clock, notes, new Readiness(), Optional.empty());
  }

  /**
   * @param readiness where the platforms register their checks
   * @param stores    the database, when the adapters may keep state in it: a distributed Slack
   *                  app's installations, and the rate limits every instance on it shares (Discord's
   *                  bot-wide limit holds for all of them together); without it, limits are per process
   */
  public static PlatformAdapters start(Map<String, String> env, PaperboyConfig config, CommandService commands,
      Clock clock, PrintStream notes, Readiness readiness, Optional<Stores> stores) throws Exception {
    SharedRateLimit rateLimits = stores.map(Stores::rateLimits).orElseGet(SharedRateLimit::inProcess);
    Map<Platform, ChannelGateway> gateways = new EnumMap<>(Platform.class);
    List<AutoCloseable> running = new ArrayList<>();
    try {
      DiscordConfig d = config.discord();
      Optional<DiscordSettings> discord = DiscordSettings.fromEnvironment(env,
          Optional.of(d.apiUrl()).filter(u -> !u.equals(DiscordConfig.DEFAULT_API_URL)),
          Optional.of(d.gatewayUrl()).filter(u -> !u.equals(DiscordConfig.DEFAULT_GATEWAY_URL)));
      if (discord.isPresent()) {
        // Discord connects (and, while unreachable, retries) in the background so the rest runs;
        // the first attempt is waited for so its one line comes before the console's prompt
        DiscordConnection connection = DiscordConnection.launch(
            discord.get().withShards(ShardPlan.of(Optional.ofNullable(d.shards().total()),
                Optional.ofNullable(d.shards().range()))),
            commands, clock, DiscordPacing.of(rateLimits), readiness, DiscordConnection.Backoff.DEFAULT);
        running.add(connection);
        connection.awaitFirstAttempt(DiscordBot.DEFAULT_READY_TIMEOUT.plusSeconds(15));
        // DiscordBot logs "Discord ready as … Invite it with: URL", the line the README quotes
        gateways.put(Platform.DISCORD, connection.gateway());
      }
      SlackConfig s = config.slack();
      SlackSettings slack = SlackSettings.fromEnvironment(env, URI.create(s.apiUrl()), s.httpHost(), s.httpPort(),
          s.commandNames(), s.managers());
      boolean anySlackSecret = env.containsKey(SlackSettings.BOT_TOKEN_VARIABLE)
          || env.containsKey(SlackSettings.CLIENT_ID_VARIABLE)
          || env.containsKey(SlackSettings.APP_TOKEN_VARIABLE) || env.containsKey(SlackSettings.SIGNING_SECRET_VARIABLE);
      if (slack.missing().isEmpty()) {
        SlackAdapter adapter = SlackAdapter.start(slack, commands, clock, stores);
        running.add(adapter);
        // SlackAdapter logs "Slack: Socket Mode, commands […]" (or HTTP mode at its URL), as the README quotes
        gateways.put(Platform.SLACK, adapter.gateway());
      } else if (anySlackSecret) {
        notes.println("Slack: not started: " + slack.missing().get());
      }
      return new PlatformAdapters(gateways, running);
    } catch (Exception | Error e) {
      new PlatformAdapters(gateways, running).close();
      throw e;
    }
  }

  /** The gateways of the started adapters, by platform (empty when none started). */
  public Map<Platform, ChannelGateway> gateways() {
    return Map.copyOf(gateways);
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        // closing anyway; the others still close
      }
    }
  }
}
