/**
 * Bringing digest files into the store: {@link io.paperboy.scheduler.ingest.DigestIngestor} expands
 * files and folders, parses each day and saves it (one store transaction per day), and reports
 * what changed and what was refused, so a CLI can show progress and alerts can fire on new papers.
 */
package io.paperboy.scheduler.ingest;
