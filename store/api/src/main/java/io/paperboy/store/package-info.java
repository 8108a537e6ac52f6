/**
 * Paperboy's persistent state, backend-neutral: the domain records (digest entries, papers,
 * channel references), the store ports ({@link io.paperboy.store.PaperStore},
 * {@link io.paperboy.store.Transactions}, the {@link io.paperboy.store.Stores} bundle and the ports
 * in {@code delivery} and {@code alert}) and the query language in {@code query}. No JDBC here:
 * each backend (SQLite in {@code paperboy-store-sqlite}) implements the ports and runs the
 * contract suites of this module's test-jar. Knows nothing of schedules or chat platforms.
 */
package io.paperboy.store;
