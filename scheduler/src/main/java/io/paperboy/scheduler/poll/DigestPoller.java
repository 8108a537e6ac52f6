package io.paperboy.scheduler.poll;

import io.paperboy.scheduler.source.DigestFileNames;
import io.paperboy.scheduler.source.DigestSource;
import io.paperboy.scheduler.source.FetchResult;
import io.paperboy.store.Digest;
import io.paperboy.store.IngestResult;
import io.paperboy.store.PaperStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Looks for a day's digest in each source, in priority order, and stores the first one found.
 *
 * <p>Per date it keeps how many tries were made and when the next is due: after a fruitless try
 * it waits {@code initialBackoff × 2^(tries−1)}, capped at {@code maxBackoff}, shortened by up to
 * 10 % of jitter so that several instances drift apart. A source that answered with
 * {@code Retry-After} is skipped until then. From {@code giveUpAt} on, the date is given up,
 * logged once. Once a date's digest is stored (or the store already had it, or a source reports
 * it unchanged), that date is not polled again.
 *
 * <p>State lives in memory: after a restart a date starts afresh, and a date the store already
 * holds is recognised on its first poll without fetching. Thread-safe; calls are serialised.
 */
public final class DigestPoller {

  private static final Logger log = LoggerFactory.getLogger(DigestPoller.class);
  private static final double JITTER = 0.1;
  /** Older per-date state is dropped; the job only ever polls today. */
  private static final int KEEP_DAYS = 7;

  private final List<DigestSource> sources;
  private final PaperStore store;
  private final Clock clock;
  private final ZoneId zone;
  private final PollPolicy policy;
  private final DoubleSupplier random;
  private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<LocalDate, Day> days = new HashMap<>();

  /** What the poller knows about one date. */
  private static final class Day {
    int attempts;
    Instant nextTry;
    boolean stored;
    boolean gaveUp;
    final Map<DigestSource, String> lastWord = new IdentityHashMap<>();
    final Map<DigestSource, Instant> notBefore = new IdentityHashMap<>();
  }

  /**
   * @param sources in priority order; the first source with the digest wins
   * @param store   where digests are saved
   * @param clock   the time source (a fixed or test clock in tests)
   * @param zone    the zone whose local time {@link PollPolicy} speaks of
   */
  public DigestPoller(List<DigestSource> sources, PaperStore store, Clock clock, ZoneId zone, PollPolicy policy) {
    this(sources, store, clock, zone, policy, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** As above, with the source of jitter in [0, 1) (tests pin it). */
  DigestPoller(List<DigestSource> sources, PaperStore store, Clock clock, ZoneId zone, PollPolicy policy,
      DoubleSupplier random) {
    this.sources = List.copyOf(sources);
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.random = Objects.requireNonNull(random, "random");
    if (this.sources.isEmpty()) {
      throw new IllegalArgumentException("no digest sources configured");
    }
  }

  public void addListener(IngestListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Whether {@link #poll} has work for {@code date} now: a try is due, or the give-up is to be recorded. */
  public synchronized boolean due(LocalDate date) {
    Day day = day(date);
    if (day.stored || day.gaveUp) {
      return false;
    }
    Instant now = clock.instant();
    if (now.isBefore(at(date, policy.firstTry()))) {
      return false;
    }
    if (!now.isBefore(at(date, policy.giveUpAt()))) {
      return true;
    }
    return day.nextTry == null || !now.isBefore(day.nextTry);
  }

  /** When {@link #due} next turns true for {@code date}; empty once the date is stored or given up. */
  public synchronized Optional<Instant> nextTry(LocalDate date) {
    Day day = day(date);
    if (day.stored || day.gaveUp) {
      return Optional.empty();
    }
    Instant first = at(date, policy.firstTry());
    Instant next = day.nextTry == null || day.nextTry.isBefore(first) ? first : day.nextTry;
    Instant giveUp = at(date, policy.giveUpAt());
    return Optional.of(next.isAfter(giveUp) ? giveUp : next);
  }

  /**
   * Tries every source for {@code date} now (whether or not {@link #due}), unless the date is
   * already stored or past its give-up time.
   */
  public synchronized PollOutcome poll(LocalDate date) {
    Day day = day(date);
    if (day.stored) {
      return new PollOutcome.AlreadyStored(date, "stored earlier by this poller");
    }
    if (day.gaveUp) {
      return new PollOutcome.GaveUp(date, day.attempts);
    }
    if (day.attempts == 0 && !store.digest(date).isEmpty()) {
      day.stored = true;
      log.info("digest for {} is already stored; not polling for it", date);
      return new PollOutcome.AlreadyStored(date, "already in the store");
    }
    Instant now = clock.instant();
    if (!now.isBefore(at(date, policy.giveUpAt()))) {
      day.gaveUp = true;
      log.warn("no digest for {} from any source; giving up (after {} tries; give-up time {} {})",
          date, day.attempts, policy.giveUpAt(), zone);
      return new PollOutcome.GaveUp(date, day.attempts);
    }
    day.attempts++;
    List<String> reasons = new ArrayList<>();
    for (DigestSource source : sources) {
      Instant waitUntil = day.notBefore.get(source);
      if (waitUntil != null && now.isBefore(waitUntil)) {
        reasons.add(source.name() + ": skipped until " + waitUntil + ", as the server asked");
        continue;
      }
      FetchResult result = fetch(source, date);
      if (result instanceof FetchResult.Found found) {
        Optional<PollOutcome> outcome = store(day, date, source, found, reasons);
        if (outcome.isPresent()) {
          return outcome.get();
        }
      } else if (result instanceof FetchResult.Unchanged) {
        day.stored = true;
        log.info("digest for {} from {} is unchanged since it was stored", date, source.name());
        return new PollOutcome.AlreadyStored(date, source.name() + " reports it unchanged");
      } else if (result instanceof FetchResult.NotYet notYet) {
        reasons.add(source.name() + ": " + notYet.why());
        note(day, source, notYet.why(), Level.INFO);
      } else if (result instanceof FetchResult.Failed failed) {
        reasons.add(source.name() + ": " + failed.reason());
        note(day, source, failed.reason(), failed.transientFailure() ? Level.WARN : Level.ERROR);
        failed.retryAfter().ifPresent(wait -> day.notBefore.put(source, now.plus(wait)));
      }
    }
    day.nextTry = nextTry(day, now);
    log.debug("no digest for {} yet (try {}); next try at {}", date, day.attempts, day.nextTry);
    return new PollOutcome.NotFound(date, day.attempts, day.nextTry, reasons);
  }

  private Optional<PollOutcome> store(Day day, LocalDate date, DigestSource source, FetchResult.Found found,
      List<String> reasons) {
    Digest digest = found.digest();
    if (!digest.date().equals(date)) {
      if (DigestFileNames.datesOf(found.origin()).contains(date)) {
        // a file (or URL) named for this day holds another: a copy went wrong; waiting will not fix it
        String why = found.origin() + " is named for " + date + ", but its heading says " + digest.date()
            + "; not stored as " + date;
        reasons.add(source.name() + ": " + why);
        note(day, source, why, Level.WARN);
        return Optional.empty();
      }
      // e.g. a "latest.md" URL still serving yesterday: not an error, just not today's digest yet
      String why = found.origin() + " holds the digest of " + digest.date() + ", not " + date;
      reasons.add(source.name() + ": " + why);
      note(day, source, why, Level.INFO);
      return Optional.empty();
    }
    IngestResult result;
    try {
      result = store.save(digest);
    } catch (RuntimeException e) {
      source.invalidate(date); // so the next try reads it whole instead of hearing "unchanged"
      reasons.add(source.name() + ": the store refused it: " + e.getMessage());
      log.error("could not store the digest for {} from {}", date, found.origin(), e);
      return Optional.empty();
    }
    day.stored = true;
    log.info("ingested the digest for {} from {}: {} added, {} updated, {} unchanged, {} removed, {} new papers (try {})",
        date, found.origin(), result.added(), result.updated(), result.unchanged(), result.removed(), result.newPapers().size(),
        day.attempts);
    for (IngestListener listener : listeners) {
      try {
        listener.ingested(result, digest);
      } catch (RuntimeException e) {
        log.error("ingest listener {} failed for {}", listener, date, e);
      }
    }
    return Optional.of(new PollOutcome.Ingested(date, source.name(), found.origin(), result, day.attempts));
  }

  private static FetchResult fetch(DigestSource source, LocalDate date) {
    try {
      return source.fetch(date);
    } catch (RuntimeException e) {
      log.error("digest source {} failed unexpectedly for {}", source.name(), date, e);
      return new FetchResult.Failed(source.name() + " failed unexpectedly: " + e, true);
    }
  }

  /**
   * Logs what a source said when it differs from what it said last time, so a slow morning stays
   * quiet. A permanent failure (a 403, two files for one day) is an error: waiting will not fix it.
   */
  private static void note(Day day, DigestSource source, String said, Level level) {
    if (!said.equals(day.lastWord.put(source, said))) {
      log.atLevel(level).log("{}: {}", source.name(), said);
    }
  }

  private Instant nextTry(Day day, Instant now) {
    Duration backoff = policy.maxBackoff();
    if (day.attempts <= 30) {
      Duration grown = policy.initialBackoff().multipliedBy(1L << (day.attempts - 1));
      backoff = grown.compareTo(backoff) < 0 ? grown : backoff;
    }
    long jitterNanos = (long) (backoff.toNanos() * JITTER * random.getAsDouble());
    Instant next = now.plus(backoff.minusNanos(jitterNanos));
    // when every source asked us to stay away for longer, there is no point waking up earlier
    Instant earliestAllowed = null;
    for (DigestSource source : sources) {
      Instant waitUntil = day.notBefore.get(source);
      if (waitUntil == null || !waitUntil.isAfter(next)) {
        return next;
      }
      earliestAllowed = earliestAllowed == null || waitUntil.isBefore(earliestAllowed) ? waitUntil : earliestAllowed;
    }
    return earliestAllowed;
  }

  private Instant at(LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(zone).toInstant();
  }

  private Day day(LocalDate date) {
    days.keySet().removeIf(d -> d.isBefore(date.minusDays(KEEP_DAYS)));
    return days.computeIfAbsent(date, d -> new Day());
  }
}
