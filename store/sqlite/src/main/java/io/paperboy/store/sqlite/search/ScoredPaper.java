package io.paperboy.store.sqlite.search;

/**
 * A paper that matched a full-text expression.
 *
 * @param paperId the paper's row id ({@code paper.id}), not its arXiv id
 * @param score   relevance, higher is better (negated bm25); only comparable within one query
 */
public record ScoredPaper(long paperId, double score) {}
