package io.paperboy.discord;

import io.paperboy.store.ratelimit.SharedRateLimit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;

/**
 * Paces every REST request of the bot before it is sent, on the real JDA path. JDA's own
 * {@link SequentialRestRateLimiter} keeps doing the per-route part (it reads each bucket's
 * {@code X-RateLimit-*} headers and waits when {@code Remaining} is 0, so one channel's 5 per 5 s
 * is never exceeded), but it does not pace Discord's global 50 requests/s: it only stops after a
 * global 429, and each 429 counts toward the IP ban. So each request first takes a slot of the
 * bot-wide limit from a {@link SharedRateLimit} — kept in the database, so every instance of the
 * bot together stays under it — and waits for it; every answer is shown to the
 * {@link InvalidRequestGuard}.
 *
 * <p>Interaction responses ({@code /interactions/…}, and follow-ups on the interaction's webhook)
 * are exempt from the global limit at Discord and are not paced: an answer to a person must not
 * queue behind the day's fan-out.
 */
public final class DiscordPacing {

  /**
   * Requests per second the bot allows itself by default: just under Discord's 50, so gateway
   * calls and clock differences between instances leave a margin.
   */
  public static final int DEFAULT_PER_SECOND = 48;

  private final SharedRateLimit slots;
  private final int perSecond;
  private final InvalidRequestGuard guard;
  private final Clock clock;

  /**
   * @param slots     where the bot-wide slots come from (the database for several instances)
   * @param perSecond the bot-wide limit to keep, all instances together
   * @param invalidThreshold invalid answers in 10 minutes at which sending pauses
   */
  public DiscordPacing(SharedRateLimit slots, int perSecond, int invalidThreshold, Clock clock) {
    this.slots = Objects.requireNonNull(slots, "slots");
    SharedRateLimit.interval(perSecond);
    this.perSecond = perSecond;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.guard = new InvalidRequestGuard(invalidThreshold, clock);
  }

  /** The defaults on these slots. */
  public static DiscordPacing of(SharedRateLimit slots) {
    return new DiscordPacing(slots, DEFAULT_PER_SECOND, InvalidRequestGuard.DEFAULT_THRESHOLD, Clock.systemUTC());
  }

  /** Paced only inside this process (one instance, tests). */
  public static DiscordPacing inProcess() {
    return of(SharedRateLimit.inProcess());
  }

  InvalidRequestGuard guard() {
    return guard;
  }

  int perSecond() {
    return perSecond;
  }

  /** The limit's key: one per bot token, without the token itself. */
  static String limitKey(String token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "discord:global:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** JDA's rate limiter for one shard, with the pace in front of it. */
  RestRateLimiter limiter(RestRateLimiter.RateLimitConfig config, String token) {
    return new Paced(new SequentialRestRateLimiter(config), limitKey(token));
  }

  static boolean exempt(Route.CompiledRoute route) {
    String path = route.getCompiledRoute();
    return path.startsWith("interactions/") || path.startsWith("webhooks/");
  }

  private void awaitSlot(String key) {
    Instant slot = slots.take(key, perSecond, clock.instant());
    long waitNanos = Duration.between(clock.instant(), slot).toNanos();
    if (waitNanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(waitNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** JDA's limiter, each request waiting for its global slot when it is about to be sent. */
  private final class Paced implements RestRateLimiter {
    private final RestRateLimiter delegate;
    private final String key;

    Paced(RestRateLimiter delegate, String key) {
      this.delegate = delegate;
      this.key = key;
    }

    @Override
    public void enqueue(Work task) {
      delegate.enqueue(new PacedWork(task, key));
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
      delegate.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
      return delegate.isStopped();
    }

    @Override
    public int cancelRequests() {
      return delegate.cancelRequests();
    }
  }

  private final class PacedWork implements RestRateLimiter.Work {
    private final RestRateLimiter.Work task;
    private final String key;

    PacedWork(RestRateLimiter.Work task, String key) {
      this.task = task;
      this.key = key;
    }

    @Override
    public Route.CompiledRoute getRoute() {
      return task.getRoute();
    }

    @Override
    public JDA getJDA() {
      return task.getJDA();
    }

    @Override
    public okhttp3.Response execute() {
      if (!exempt(task.getRoute())) {
        awaitSlot(key);
      }
      okhttp3.Response response = task.execute();
      if (response != null) {
        guard.answered(response.code(), response.header("X-RateLimit-Scope"));
      }
      return response;
    }

    @Override
    public boolean isSkipped() {
      return task.isSkipped();
    }

    @Override
    public boolean isDone() {
      return task.isDone();
    }

    @Override
    public boolean isPriority() {
      return task.isPriority();
    }

    @Override
    public boolean isCancelled() {
      return task.isCancelled();
    }

    @Override
    public void cancel() {
      task.cancel();
    }
  }
}
