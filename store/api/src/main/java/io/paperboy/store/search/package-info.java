/**
 * The search tokens every backend indexes and every query term is made of:
 * {@link io.paperboy.store.search.SearchTokens} turns text into Hangul syllable bigrams and
 * singular lower-case words. The query language matches with the same tokens, so a backend's index
 * and {@link io.paperboy.store.query.QueryMatcher} always agree on what a word is.
 */
package io.paperboy.store.search;
