package io.paperboy.discord;

import io.paperboy.core.command.CommandService;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.health.Readiness;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord for {@code paperboy run}: starts the {@link DiscordBot} on a thread of its own and keeps
 * trying, with backoff, while Discord cannot be reached — the rest of Paperboy (ingest, Slack, the
 * console, the outbox) keeps working meanwhile, and posts to Discord wait in the outbox as
 * transient failures. Each distinct reason is logged once, in one line (where, what, what to
 * check); the same reason again is logged at debug. A refused token is not retried: only a new
 * token helps.
 *
 * <p>Registers the {@code discord} readiness check: ready once every shard of this instance is
 * connected, and again whenever a shard reconnects.
 */
public final class DiscordConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);

  /** Backoff between attempts: doubling from the first to the most. */
  public record Backoff(Duration first, Duration most) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    Duration after(Duration previous) {
      Duration next = previous == null ? first : previous.multipliedBy(2);
      return next.compareTo(most) > 0 ? most : next;
    }
  }

  private final DiscordSettings settings;
  private final CountDownLatch connected = new CountDownLatch(1);
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private final Thread connector;
  private volatile DiscordBot bot;
  private volatile String state = "connecting";
  private volatile boolean closed;
  private final ChannelGateway gateway = new Gateway();

  private DiscordConnection(DiscordSettings settings, Runnable attempts) {
    this.settings = settings;
    this.connector = new Thread(attempts, "discord-connect");
    this.connector.setDaemon(true);
  }

  /**
   * Starts connecting in the background and returns at once.
   *
   * @param readiness where the {@code discord} check is registered
   */
  public static DiscordConnection launch(DiscordSettings settings, CommandService commands, Clock clock,
      DiscordPacing pacing, Readiness readiness, Backoff backoff) {
    DiscordConnection[] self = new DiscordConnection[1];
    DiscordConnection connection = new DiscordConnection(settings,
        () -> self[0].connect(commands, clock, pacing, backoff));
    self[0] = connection;
    readiness.register("discord", connection::check);
    connection.connector.start();
    return connection;
  }

  private void connect(CommandService commands, Clock clock, DiscordPacing pacing, Backoff backoff) {
    try {
      attempt(commands, clock, pacing, backoff);
    } finally {
      firstAttempt.countDown();
    }
  }

  private void attempt(CommandService commands, Clock clock, DiscordPacing pacing, Backoff backoff) {
    Duration wait = null;
    String lastReason = null;
    int attempt = 0;
    while (!closed) {
      attempt++;
      try {
        DiscordBot started = DiscordBot.start(settings, commands, clock, DiscordBot.DEFAULT_READY_TIMEOUT, pacing);
        if (closed) {
          started.close();
          return;
        }
        bot = started;
        state = "connected";
        connected.countDown();
        firstAttempt.countDown();
        if (attempt > 1) {
          log.info("Discord connected after {} attempts", attempt);
        }
        return;
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        String reason = e instanceof DiscordUnavailable ? e.getMessage() : "Discord: " + e.getMessage();
        boolean retryable = !(e instanceof DiscordUnavailable u) || u.retryable();
        if (!retryable) {
          state = reason;
          log.error("{}; not retrying", reason);
          firstAttempt.countDown();
          return;
        }
        wait = backoff.after(wait);
        state = reason + " (retrying in " + readable(wait) + ")";
        if (!reason.equals(lastReason)) {
          log.warn("{}; retrying with backoff (up to {}) while the rest of Paperboy runs", reason,
              readable(backoff.most()));
        } else {
          log.debug("attempt {}: {}", attempt, reason);
        }
        lastReason = reason;
        firstAttempt.countDown();
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private static String readable(Duration d) {
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() < 120 ? d.toSeconds() + " s" : d.toMinutes() + " min";
  }

  private Readiness.Check check() {
    DiscordBot b = bot;
    if (b == null) {
      return Readiness.Check.notReady("discord", state);
    }
    int up = b.connectedShards();
    int of = b.shardCount();
    String detail = up + " of " + of + " shards connected";
    return up == of ? Readiness.Check.ready("discord", detail) : Readiness.Check.notReady("discord", detail);
  }

  /** Posts through the bot once it is connected; until then every post is a transient failure. */
  public ChannelGateway gateway() {
    return gateway;
  }

  /** The bot, once connected. */
  public Optional<DiscordBot> bot() {
    return Optional.ofNullable(bot);
  }

  /** Waits until the bot has connected; false when it has not within {@code timeout}. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until the first attempt to connect has succeeded or failed (or {@code timeout} passed). */
  public void awaitFirstAttempt(Duration timeout) throws InterruptedException {
    firstAttempt.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    connector.interrupt();
    try {
      connector.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    DiscordBot b = bot;
    if (b != null) {
      b.close();
    }
  }

  private final class Gateway implements ChannelGateway {
    @Override
    public Platform platform() {
      return Platform.DISCORD;
    }

    @Override
    public PostReceipt post(ChannelRef channel, Message message, PostOptions options) throws PostException {
      DiscordBot b = bot;
      if (b == null) {
        throw new PostException(PostException.Kind.TRANSIENT, "not-connected",
            "Discord is not connected yet, cannot post to " + channel.key() + ": " + state);
      }
      return b.gateway().post(channel, message, options);
    }
  }
}
