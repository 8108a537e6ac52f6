/**
 * Where a day's digest comes from: a folder of markdown files, an HTTP URL template, or the Hugging
 * Face daily-papers JSON API. Each {@link io.paperboy.scheduler.source.DigestSource} answers one
 * question — "is the digest of this date there yet?" — with a
 * {@link io.paperboy.scheduler.source.FetchResult} that says what it found, or why not, and where.
 *
 * <p>Sources never save anything and never retry: the poller in {@code io.paperboy.scheduler.poll}
 * decides when to ask again. The markdown parser lives elsewhere; sources reach it through
 * {@link io.paperboy.scheduler.source.MarkdownDigestReader}, which the composition root implements
 * with the real parser.
 */
package io.paperboy.scheduler.source;
