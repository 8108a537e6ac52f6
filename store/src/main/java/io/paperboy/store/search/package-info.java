/**
 * Korean-aware full-text search over papers: {@link io.paperboy.store.search.SearchTokens} turns
 * text and queries into tokens (Hangul syllable bigrams, singular lower-case words), and
 * {@link io.paperboy.store.search.SearchIndex} keeps the SQLite FTS5 index of those tokens in step
 * with the {@code paper} table and runs ranked, bounded matches. A query language (fields,
 * negation, OR, phrases) can be built on {@code SearchTokens.phrase} and FTS5 expressions.
 */
package io.paperboy.store.search;
