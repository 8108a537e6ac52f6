/**
 * Paperboy's scheduler module: where digests come from and how they get into the store (sources,
 * the digest parser, ingest), and — on top of the store — the jobs that decide what is due when
 * (alert matching, Quartz jobs writing outbox rows). Knows the store, never a chat platform.
 */
package io.paperboy.scheduler;
