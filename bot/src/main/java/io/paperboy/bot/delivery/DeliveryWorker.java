package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostOptions;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.ShardFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Drains the outbox: a dispatcher thread picks the rows that are due (at most one per channel,
 * oldest first, see {@link OutboxStore#due}) and hands each channel to a bounded pool, so
 * different channels post in parallel while each channel's posts stay in order. Woken by the
 * planner; looks on its own every poll interval and when the next retry is due.
 *
 * <p>At start it turns rows left {@code attempting} by a crash back into pending ones; their
 * next attempt posts with {@link PostOptions#retrying()} so that the gateway finds what the
 * interrupted attempt may have posted instead of posting it again.
 */
public final class DeliveryWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  /** Rows fetched per look at the outbox; more wait for the next look. */
  private static final int BATCH = 500;
  /**
   * How long an attempt's lease lasts: far beyond one attempt (a split post, its HTTP timeouts and
   * rate-limit waits), so that a live worker never loses a row it is posting. Only a database
   * shared by several instances takes rows back when their lease passes; one process per SQLite
   * file takes back every interrupted attempt at start instead.
   */
  static final Duration LEASE = Duration.ofMinutes(15);
  /** The MDC keys set while a row is delivered, so that the logs of several instances can be told apart. */
  public static final String MDC_CHANNEL = "channel";
  public static final String MDC_OUTBOX_ROW = "outbox";
  public static final String MDC_INSTANCE = "instance";

  /**
   * Whether this worker owns the outbox alone, and how long its attempts' leases last.
   *
   * @param holder   names this worker in its leases ({@code pid@host} plus a part that tells
   *                 restarts apart), what an operator sees in {@code claimed_by}
   * @param lease    how long an attempt's lease lasts: longer than any one attempt takes
   * @param shared   false: one process per database (SQLite), so every attempt left at start
   *                 was interrupted and is taken back at once; true: several instances share it
   *                 (PostgreSQL), so only attempts whose lease passed are taken back, at start
   *                 and every {@link #recoveryInterval()} while running — never a live one
   * @param shards     the Discord rows this worker may list and claim: those of guilds on this
   *                   instance's shards when instances split them ({@code discord.shards.range}),
   *                   since only the instance running a guild's shard has it in its JDA cache;
   *                   {@link ShardFilter#all()} when this instance runs every shard
   */
  public record Sharing(String holder, Duration lease, boolean shared, ShardFilter shards) {

    public Sharing {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(shards, "shards");
      if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("an attempt's lease must last at least 1s, was " + lease);
      }
    }

    public Sharing(String holder, Duration lease, boolean shared) {
      this(holder, lease, shared, ShardFilter.all());
    }

    /** The same, claiming only the Discord rows {@code filter} admits. */
    public Sharing withShards(ShardFilter filter) {
      return new Sharing(holder, lease, shared, filter);
    }

    /** The one process on a SQLite file. */
    public static Sharing exclusive() {
      return new Sharing(holderName(), LEASE, false);
    }

    /** One of several instances on a shared database. */
    public static Sharing shared(String instance, Duration lease) {
      return new Sharing(instance + " worker " + UUID.randomUUID().toString().substring(0, 8), lease, true);
    }

    /** How often a shared worker looks for expired leases: a quarter lease, at most every 30 s. */
    public Duration recoveryInterval() {
      Duration quarter = lease.dividedBy(4);
      return quarter.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : quarter;
    }
  }

  private final OutboxStore outbox;
  private final RowDelivery rows;
  private final Set<Platform> platforms;
  private final Duration pollInterval;
  private final Clock clock;
  private final int parallelism;
  private final Sharing sharing;
  /** Names this worker in its leases and in its log lines (the MDC's instance). */
  private final String holder;
  private Instant nextRecovery = Instant.MIN;
  private final Set<ChannelRef> inFlight = ConcurrentHashMap.newKeySet();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AtomicInteger delivered = new AtomicInteger();
  private boolean signalled;
  private volatile boolean running;
  private ExecutorService pool;
  private Thread dispatcher;

  /**
   * @param composers   how each kind of row becomes a message
   * @param gateways    the platforms to post to; rows of other platforms wait in the outbox
   * @param parallelism channels posted to at the same time
   */
  public DeliveryWorker(OutboxStore outbox, Map<Delivery.Kind, PostComposer> composers,
      Map<Platform, ChannelGateway> gateways, RetryPolicy retry, Duration catchUpWindow, Duration pollInterval,
      int parallelism, Clock clock) {
    this(outbox, composers, gateways, retry, catchUpWindow, pollInterval, parallelism, clock,
        io.paperboy.bot.config.DeliveryConfig.DEFAULT_MAX_MESSAGES, DeliveryEvents.NONE, Sharing.exclusive());
  }

  /** @param maxMessages platform messages one post may take at most ({@code delivery.max-messages}) */
  public DeliveryWorker(OutboxStore outbox, Map<Delivery.Kind, PostComposer> composers,
      Map<Platform, ChannelGateway> gateways, RetryPolicy retry, Duration catchUpWindow, Duration pollInterval,
      int parallelism, Clock clock, int maxMessages) {
    this(outbox, composers, gateways, retry, catchUpWindow, pollInterval, parallelism, clock, maxMessages,
        DeliveryEvents.NONE, Sharing.exclusive());
  }

  /**
   * @param maxMessages platform messages one post may take at most ({@code delivery.max-messages})
   * @param events      told what became of each attempt (the operations metrics count them)
   * @param sharing     whether other instances share the outbox, and this worker's leases
   */
  public DeliveryWorker(OutboxStore outbox, Map<Delivery.Kind, PostComposer> composers,
      Map<Platform, ChannelGateway> gateways, RetryPolicy retry, Duration catchUpWindow, Duration pollInterval,
      int parallelism, Clock clock, int maxMessages, DeliveryEvents events, Sharing sharing) {
    this.sharing = Objects.requireNonNull(sharing, "sharing");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    Map<Platform, ChannelGateway> byPlatform = new EnumMap<>(Platform.class);
    gateways.forEach((platform, gateway) -> {
      if (gateway.platform() != platform) {
        throw new IllegalArgumentException("the gateway for " + platform + " posts to " + gateway.platform());
      }
      byPlatform.put(platform, gateway);
    });
    this.platforms = byPlatform.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(byPlatform.keySet()));
    this.holder = sharing.holder();
    this.rows = new RowDelivery(outbox, Map.copyOf(composers), Map.copyOf(byPlatform), retry, catchUpWindow, clock,
        sharing.holder(), sharing.lease(), sharing.shards(), maxMessages, Objects.requireNonNull(events, "events"));
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** Names this worker in its leases: the process, plus a random part that tells restarts apart. */
  private static String holderName() {
    return "pid " + ProcessHandle.current().pid() + " worker " + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The platforms this worker posts to. */
  public Set<Platform> platforms() {
    return platforms;
  }

  /** Recovers interrupted attempts and starts draining. */
  public synchronized void start() {
    if (running) {
      return;
    }
    if (sharing.shared()) {
      recoverExpired(clock.instant());
    } else {
      for (Delivery d : outbox.recoverInterrupted(clock.instant())) {
        log.warn("{} was interrupted during attempt {} (outcome unknown); it will be retried, looking for an earlier post",
            d.describe(), d.attempts());
      }
    }
    if (!sharing.shards().isAll()) {
      log.info("delivery claims the Discord rows of shards {}-{} of {} only; rows of shards no running instance holds "
          + "wait", sharing.shards().first(), sharing.shards().last(), sharing.shards().total());
    }
    running = true;
    AtomicInteger n = new AtomicInteger();
    pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread t = new Thread(r, "delivery-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    dispatcher = new Thread(this::dispatch, "delivery-dispatcher");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /** Something may be due now (the planner added rows): look at the outbox. */
  public void wake() {
    lock.lock();
    try {
      signalled = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Rows this worker has finished handling (sent, retried, failed or skipped) since it started. */
  public int handled() {
    return delivered.get();
  }

  private void dispatch() {
    while (running) {
      Duration wait = pollInterval;
      try {
        wait = dispatchDue();
      } catch (RuntimeException e) {
        log.error("looking at the outbox failed; trying again in {} ms", pollInterval.toMillis(), e);
      }
      lock.lock();
      try {
        if (!signalled && running) {
          changed.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        }
        signalled = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Takes back the attempts whose lease passed — an instance died, or stalled past its lease,
   * mid-attempt — so that any instance may retry them (with a look for what was already posted).
   */
  private void recoverExpired(Instant now) {
    nextRecovery = now.plus(sharing.recoveryInterval());
    for (Delivery d : outbox.recoverExpired(now)) {
      log.warn("{}: the lease of attempt {} ({}) ran out (outcome unknown); it will be retried, looking for an "
          + "earlier post", d.describe(), d.attempts(), d.lease().map(l -> "held by " + l.holder()).orElse("no holder"));
    }
  }

  /** Hands the due rows of idle channels to the pool; returns how long to wait before the next look. */
  private Duration dispatchDue() {
    Instant now = clock.instant();
    if (sharing.shared() && !now.isBefore(nextRecovery)) {
      recoverExpired(now);
    }
    if (platforms.isEmpty()) {
      return pollInterval;
    }
    List<Delivery> due = outbox.due(now, platforms, sharing.shards(), BATCH);
    for (Delivery row : due) {
      if (inFlight.add(row.channel())) {
        pool.execute(() -> run(row));
      }
    }
    if (due.size() == BATCH) {
      return Duration.ofMillis(50);
    }
    Optional<Instant> next = outbox.nextAttemptAt(platforms, sharing.shards());
    if (next.isEmpty()) {
      return pollInterval;
    }
    Duration untilNext = Duration.between(now, next.get());
    // a due row of a busy channel: its task's end wakes the dispatcher
    Duration wait = untilNext.isNegative() || untilNext.compareTo(pollInterval) > 0 ? pollInterval : untilNext;
    if (sharing.shared()) {
      Duration untilRecovery = Duration.between(now, nextRecovery);
      wait = untilRecovery.compareTo(wait) < 0 ? untilRecovery : wait;
    }
    return wait;
  }

  private void run(Delivery row) {
    MDC.put(MDC_CHANNEL, row.channel().key());
    MDC.put(MDC_OUTBOX_ROW, Long.toString(row.id()));
    MDC.put(MDC_INSTANCE, holder);
    try {
      if (running) {
        rows.deliver(row);
      }
    } catch (RuntimeException e) {
      // e.g. the database failed while marking: the row stays attempting or pending and is retried
      log.error("delivering {} failed", row.describe(), e);
    } finally {
      MDC.remove(MDC_CHANNEL);
      MDC.remove(MDC_OUTBOX_ROW);
      MDC.remove(MDC_INSTANCE);
      delivered.incrementAndGet();
      inFlight.remove(row.channel());
      wake();
    }
  }

  /**
   * Stops taking rows and waits up to {@code grace} for posts under way to finish; a post cut
   * off here is recovered (and not doubled) at the next start.
   */
  public void stop(Duration grace) {
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
    }
    wake();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("posts still under way after {} ms; they will be recovered at the next start", grace.toMillis());
        pool.shutdownNow();
      }
      dispatcher.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
