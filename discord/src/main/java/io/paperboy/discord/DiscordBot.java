package io.paperboy.discord;

import io.paperboy.core.net.NoDelaySocketFactory;

import com.neovisionaries.ws.client.WebSocketFactory;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandService;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Discord session: starts JDA from {@link DiscordSettings}, answers slash commands
 * through the {@link CommandService}, registers its commands (in bulk, only when they changed),
 * logs the invite URL and offers the {@link DiscordGateway} the delivery worker posts through.
 */
public final class DiscordBot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

  /** How long one post request may take, rate-limit waits included. */
  static final Duration POST_TIMEOUT = Duration.ofMinutes(2);

  private final JDA jda;
  private final DiscordGateway gateway;
  private final boolean commandsRegistered;
  private final String inviteUrl;

  private DiscordBot(JDA jda, boolean commandsRegistered) {
    this.jda = jda;
    this.gateway = new DiscordGateway(jda, new DiscordRenderer(), POST_TIMEOUT);
    this.commandsRegistered = commandsRegistered;
    jda.setRequiredScopes(List.of(DiscordPermissions.SCOPES));
    this.inviteUrl = jda.getInviteUrl(DiscordPermissions.required());
  }

  /** How long {@link #start(DiscordSettings, CommandService, Clock)} waits for the gateway. */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(1);

  /** {@link #start(DiscordSettings, CommandService, Clock, Duration)} with the default ready timeout. */
  public static DiscordBot start(DiscordSettings settings, CommandService commands, Clock clock)
      throws InterruptedException {
    return start(settings, commands, clock, DEFAULT_READY_TIMEOUT);
  }

  /**
   * Connects, waits until the session is ready, registers the commands if Discord's differ, and
   * logs the invite URL.
   *
   * @param commands     answers the slash commands; it stays open when the bot closes (it is shared)
   * @param clock        the time given to commands as the request's instant
   * @param readyTimeout how long to wait for the gateway's READY before giving up
   * @throws IllegalStateException when the session is not ready in time (wrong gateway URL, …)
   */
  public static DiscordBot start(DiscordSettings settings, CommandService commands, Clock clock, Duration readyTimeout)
      throws InterruptedException {
    Objects.requireNonNull(settings, "settings");
    // digest text must never ping: no mention is allowed unless a message names one explicitly
    MessageRequest.setDefaultMentions(EnumSet.noneOf(MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);

    CountDownLatch ready = new CountDownLatch(1);
    JDA jda;
    try {
      // no privileged or message intents: JDA always asks for GUILDS, which is all the cache needs
      jda = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
          // member-specific channel overwrites decide who may manage a channel too
          .enableCache(CacheFlag.MEMBER_OVERRIDES)
          .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()))
          .setSessionController(new FixedGatewaySessionController(settings.gatewayUrl()))
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
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot log in to Discord at " + settings.apiUrl() + ": " + e.getMessage(), e);
    }
    try {
      if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("Discord gateway " + settings.gatewayUrl() + " not ready within " + readyTimeout
            + " (status " + jda.getStatus() + ")");
      }
      boolean registered = syncCommands(jda, commands.definitions());
      DiscordBot bot = new DiscordBot(jda, registered);
      log.info("Discord ready as {} in {} guild(s). Invite it with: {}",
          jda.getSelfUser().getName(), jda.getGuilds().size(), bot.inviteUrl);
      return bot;
    } catch (RuntimeException | InterruptedException e) {
      jda.shutdownNow();
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

  JDA jda() {
    return jda;
  }

  /** Leaves the gateway, lets queued requests finish for a few seconds, then stops. */
  @Override
  public void close() {
    try {
      jda.shutdown();
      if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      jda.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** JDA asks its session controller, not REST, for the gateway; this one answers the setting. */
  private static final class FixedGatewaySessionController extends ConcurrentSessionController {
    private final String gateway;

    FixedGatewaySessionController(String gateway) {
      this.gateway = gateway;
    }

    @Override
    public String getGateway() {
      return gateway;
    }
  }
}
