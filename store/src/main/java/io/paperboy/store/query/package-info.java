/**
 * The one query language of {@code /search} and {@code /alert}: words (all must match),
 * {@code "phrases"}, {@code OR}, {@code -word} / {@code NOT word}, parentheses, field prefixes
 * {@code title:} {@code author:} {@code summary:}, and {@code /regex/} (RE2/J, linear time).
 * {@link io.paperboy.store.query.QueryParser} builds the tree, {@link
 * io.paperboy.store.query.QueryMatcher} evaluates it on a paper and explains why it matched.
 */
package io.paperboy.store.query;
