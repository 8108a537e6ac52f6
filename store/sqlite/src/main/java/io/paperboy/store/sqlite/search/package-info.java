/**
 * Full-text search on SQLite FTS5: {@link io.paperboy.store.sqlite.search.SearchIndex} keeps the
 * contentless {@code paper_fts} table of {@link io.paperboy.store.search.SearchTokens} in step
 * with the {@code paper} table and runs ranked, bounded matches;
 * {@link io.paperboy.store.sqlite.search.FtsTranslation} turns the indexable part of a query into a
 * safe FTS5 expression.
 */
package io.paperboy.store.sqlite.search;
