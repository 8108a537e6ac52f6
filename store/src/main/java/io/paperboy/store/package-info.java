/**
 * Paperboy's persistent state: the domain records (digest entries, papers, channel references),
 * the SQLite database with its Flyway migrations, the repositories over it and the full-text
 * search index. Knows nothing of schedules or chat platforms.
 */
package io.paperboy.store;
