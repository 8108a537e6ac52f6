/**
 * {@link io.paperboy.store.PaperStore} on PostgreSQL: digests and papers written
 * ({@code DigestWriter}) with each paper's search vector of {@link io.paperboy.store.search.SearchTokens}
 * ({@code SearchVectors}), read ({@code PaperReads}), searched and counted ({@code PaperSearch}).
 */
package io.paperboy.store.postgresql.papers;
