/**
 * The one query language of {@code /search} and {@code /alert}: words (all must match),
 * {@code "phrases"}, {@code OR}, {@code -word} / {@code NOT word}, parentheses, field prefixes
 * {@code title:} {@code author:} {@code summary:}, and {@code /regex/} (RE2/J, linear time).
 * {@link io.paperboy.store.query.QueryParser} builds the tree ({@link
 * io.paperboy.store.query.SearchInput} forgives what {@code /search} users type), {@link
 * io.paperboy.store.query.QueryMatcher} evaluates it on a paper and explains why it matched, and
 * {@link io.paperboy.store.query.QuerySearch} answers it on any backend's full-text index. Pure
 * Java: no backend, no index syntax.
 */
package io.paperboy.store.query;
