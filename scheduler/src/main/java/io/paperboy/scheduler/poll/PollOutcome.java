package io.paperboy.scheduler.poll;

import io.paperboy.store.IngestResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What one {@link DigestPoller#poll} did. */
public sealed interface PollOutcome
    permits PollOutcome.Ingested, PollOutcome.AlreadyStored, PollOutcome.NotFound, PollOutcome.GaveUp {

  LocalDate date();

  /**
   * A digest was found and stored; listeners were told.
   *
   * @param source   the source's name
   * @param origin   the file or URL it came from
   * @param attempts tries so far for this date, this one included
   */
  record Ingested(LocalDate date, String source, String origin, IngestResult result, int attempts)
      implements PollOutcome {}

  /**
   * Nothing to do: the store already had the day, a source reported it unchanged, or an earlier
   * poll ingested it.
   *
   * @param why which of these
   */
  record AlreadyStored(LocalDate date, String why) implements PollOutcome {}

  /**
   * No source had the digest.
   *
   * @param attempts tries so far for this date
   * @param nextTry  when the poller is next due for this date
   * @param reasons  one line per source, in priority order: what it said
   */
  record NotFound(LocalDate date, int attempts, Instant nextTry, List<String> reasons) implements PollOutcome {
    public NotFound {
      reasons = List.copyOf(reasons);
    }
  }

  /** The give-up time has passed without a digest. */
  record GaveUp(LocalDate date, int attempts) implements PollOutcome {}
}
