package io.paperboy.scheduler.poll;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job behind {@link IngestSchedule}: on each fire, polls for today's digest (today in
 * the configured zone) when the poller says a try is due. Built by
 * {@link io.paperboy.scheduler.quartz.ConstructorJobFactory}; never two at once, since two
 * overlapping polls would fetch and store the same digest twice.
 */
@DisallowConcurrentExecution
public final class IngestJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(IngestJob.class);

  private final DigestPoller poller;
  private final Clock clock;
  private final ZoneId zone;

  public IngestJob(DigestPoller poller, Clock clock, ZoneId zone) {
    this.poller = Objects.requireNonNull(poller, "poller");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    try {
      if (poller.due(today)) {
        PollOutcome outcome = poller.poll(today);
        log.debug("ingest poll for {}: {}", today, outcome);
      }
    } catch (RuntimeException e) {
      // refire=false: the next cron fire is the retry; an immediate refire would hammer the sources
      throw new JobExecutionException("ingest poll for " + today + " failed: " + e.getMessage(), e, false);
    }
  }
}
