/**
 * Polling for the day's digest: {@link io.paperboy.scheduler.poll.DigestPoller} asks each source in
 * priority order, stores the first digest found and tells its
 * {@link io.paperboy.scheduler.poll.IngestListener}s; between tries it backs off exponentially, and
 * past the configured time it gives up on the day. {@link io.paperboy.scheduler.poll.IngestJob} is
 * the Quartz job that drives it, {@link io.paperboy.scheduler.poll.IngestSchedule} the cron trigger
 * that fires the job in the configured zone.
 *
 * <p>Once a day's digest is stored, that day is not polled again (later edits of the same day are
 * picked up by a restart or by {@code paperboy ingest}); this keeps the job simple and listeners
 * are told exactly once per digest.
 */
package io.paperboy.scheduler.poll;
