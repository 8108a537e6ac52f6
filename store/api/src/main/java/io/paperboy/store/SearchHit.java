package io.paperboy.store;

/**
 * A search result.
 *
 * @param paper the matching paper (latest view)
 * @param score relevance, higher is better; only comparable within one search
 */
public record SearchHit(Paper paper, double score) {}
