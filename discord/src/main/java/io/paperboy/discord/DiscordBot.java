package io.paperboy.discord;

import com.neovisionaries.ws.client.WebSocketFactory;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.net.NoDelaySocketFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Discord sessions: asks Discord who the bot is and how many shards it needs
 * ({@link GatewayBot}), starts this instance's shards through JDA's {@link ShardManager}, answers
 * slash commands through the {@link CommandService}, registers its commands (in bulk, only when
 * they changed), logs the invite URL and offers the {@link DiscordGateway} the delivery worker
 * posts through. Every REST request goes through {@link DiscordPacing}.
 */
public final class DiscordBot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

  /** How long one post request may take, rate-limit waits included. */
  static final Duration POST_TIMEOUT = Duration.ofMinutes(2);

  private final ShardManager manager;
  private final DiscordShards shards;
  private final DiscordGateway gateway;
  private final boolean commandsRegistered;
  private final String inviteUrl;

  private DiscordBot(ShardManager manager, DiscordPacing pacing, boolean commandsRegistered) {
    this.manager = manager;
    this.shards = DiscordShards.of(manager);
    this.gateway = new DiscordGateway(shards, new DiscordRenderer(), POST_TIMEOUT, pacing.guard());
    this.commandsRegistered = commandsRegistered;
    JDA any = shards.any();
    any.setRequiredScopes(List.of(DiscordPermissions.SCOPES));
    this.inviteUrl = any.getInviteUrl(DiscordPermissions.required());
  }

  /** How long {@link #start(DiscordSettings, CommandService, Clock)} waits for the gateway. */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(1);

  /** {@link #start(DiscordSettings, CommandService, Clock, Duration)} with the default ready timeout. */
  public static DiscordBot start(DiscordSettings settings, CommandService commands, Clock clock)
      throws InterruptedException {
    return start(settings, commands, clock, DEFAULT_READY_TIMEOUT);
  }

  /** {@link #start(DiscordSettings, CommandService, Clock, Duration, DiscordPacing)} paced in this process only. */
  public static DiscordBot start(DiscordSettings settings, CommandService commands, Clock clock, Duration readyTimeout)
      throws InterruptedException {
    return start(settings, commands, clock, readyTimeout, DiscordPacing.inProcess());
  }

  /**
   * Connects this instance's shards, waits until each is ready, registers the commands if
   * Discord's differ, and logs the invite URL.
   *
   * @param commands     answers the slash commands; it stays open when the bot closes (it is shared)
   * @param clock        the time given to commands as the request's instant
   * @param readyTimeout how long to wait for every shard's READY before giving up
   * @param pacing       paces every REST request (shared between instances through the database)
   * @throws DiscordUnavailable when Discord cannot be reached, refuses the token, or no session
   *                            may be started now
   * @throws IllegalStateException when the shards are not ready in time (wrong gateway URL, …)
   */
  public static DiscordBot start(DiscordSettings settings, CommandService commands, Clock clock, Duration readyTimeout,
      DiscordPacing pacing) throws InterruptedException {
    Objects.requireNonNull(settings, "settings");
    // digest text must never ping: no mention is allowed unless a message names one explicitly
    MessageRequest.setDefaultMentions(EnumSet.noneOf(MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);

    OkHttpClient.Builder http = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory());
    GatewayBot discord = GatewayBot.fetch(http.connectTimeout(Duration.ofSeconds(10)).build(), settings);
    ShardPlan plan = settings.shards();
    int total = plan.total().orElse(discord.shards());
    ShardPlan.Range range = plan.range().orElse(new ShardPlan.Range(0, total - 1));
    if (range.last() >= total) {
      throw new DiscordUnavailable("Discord: discord.shards.range " + range + " goes past the " + total
          + " shards Discord recommends; set discord.shards.total on every instance", false);
    }
    if (discord.remaining() < range.size()) {
      throw new DiscordUnavailable("Discord: only " + discord.remaining() + " session starts left for " + range.size()
          + " shards, resetting in " + discord.resetAfter() + "; wait, or check for a restart loop", true);
    }
    String gatewayUrl = settings.gatewayOverridden() ? settings.gatewayUrl() : discord.url();

    CountDownLatch ready = new CountDownLatch(range.size());
    ShardManager manager = DefaultShardManagerBuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
        // member-specific channel overwrites decide who may manage a channel too
        .enableCache(CacheFlag.MEMBER_OVERRIDES)
        .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl())
            .setRateLimiterFactory(config -> pacing.limiter(config, settings.token())))
        .setSessionController(new KnownGatewaySessionController(gatewayUrl, total, discord.maxConcurrency()))
        .setShardsTotal(total)
        .setShards(range.first(), range.last())
        .setHttpClientBuilder(new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()))
        .setWebsocketFactory(new WebSocketFactory().setSocketFactory(new NoDelaySocketFactory()))
        .setCompression(Compression.NONE)
        .setEnableShutdownHook(false)
        .addEventListeners(new DiscordCommandListener(commands, new DiscordRenderer(), clock), new ListenerAdapter() {
          @Override
          public void onReady(ReadyEvent event) {
            ready.countDown();
          }
        })
        .build();
    try {
      if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("Discord gateway " + gatewayUrl + " not ready within " + readyTimeout + " ("
            + (range.size() - ready.getCount()) + " of " + range.size() + " shards ready)");
      }
      DiscordShards shards = DiscordShards.of(manager);
      boolean registered = syncCommands(shards.any(), commands.definitions());
      DiscordBot bot = new DiscordBot(manager, pacing, registered);
      log.info("Discord shards {} of {} connected (max_concurrency {})", range, total, discord.maxConcurrency());
      log.info("Discord ready as {} in {} guild(s). Invite it with: {}",
          discord.botName(), manager.getGuildCache().size(), bot.inviteUrl);
      return bot;
    } catch (RuntimeException | InterruptedException e) {
      stop(manager);
      throw e;
    }
  }

  /** Registers the commands in one bulk overwrite unless Discord already has exactly them. */
  static boolean syncCommands(JDA jda, List<CommandDefinition> definitions) {
    List<SlashCommandData> wanted = DiscordCommands.toData(definitions);
    List<Command> registered = jda.retrieveCommands().complete();
    if (DiscordCommands.sameAsRegistered(registered, wanted)) {
      log.info("Discord slash commands are up to date ({} commands)", wanted.size());
      return false;
    }
    jda.updateCommands().addCommands(wanted).complete();
    log.info("Registered {} Discord slash commands (Discord had {})", wanted.size(), registered.size());
    return true;
  }

  /** Posts to Discord channels; for the delivery worker. */
  public DiscordGateway gateway() {
    return gateway;
  }

  /** The OAuth2 URL that adds the bot to a server with the scopes and permissions it needs. */
  public String inviteUrl() {
    return inviteUrl;
  }

  /**
   * The raw permission bits the invite URL asks for: what a loopback fake grants the bot's role
   * (for {@code paperboy bench}, which must not see JDA types).
   */
  public static long invitePermissions() {
    return Permission.getRaw(DiscordPermissions.required());
  }

  /** Whether startup found changed definitions and registered the commands. */
  public boolean commandsRegistered() {
    return commandsRegistered;
  }

  /** Shards connected now, and this instance's shard count: what readiness reports. */
  public int connectedShards() {
    return (int) shards.shards().stream().filter(s -> s.getStatus() == JDA.Status.CONNECTED).count();
  }

  /** This instance's shards. */
  public int shardCount() {
    return shards.shards().size();
  }

  DiscordShards shards() {
    return shards;
  }

  JDA jda() {
    return shards.any();
  }

  /** Leaves the gateway, lets queued requests finish for a few seconds, then stops. */
  @Override
  public void close() {
    stop(manager);
  }

  private static void stop(ShardManager manager) {
    List<JDA> running = manager.getShards();
    manager.shutdown();
    try {
      for (JDA jda : running) {
        if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
          jda.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      running.forEach(JDA::shutdownNow);
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Answers JDA what {@link GatewayBot} already asked Discord (or the configured gateway URL), so
   * JDA need not ask again; the concurrency is what paces IDENTIFYs ({@code max_concurrency} per
   * 5 seconds).
   */
  private static final class KnownGatewaySessionController extends ConcurrentSessionController {
    private final String gateway;
    private final int total;
    private final int concurrency;

    KnownGatewaySessionController(String gateway, int total, int concurrency) {
      this.gateway = gateway;
      this.total = total;
      this.concurrency = concurrency;
      setConcurrency(concurrency);
    }

    @Override
    public String getGateway() {
      return gateway;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
      return new ShardedGateway(gateway, total, concurrency);
    }
  }
}
