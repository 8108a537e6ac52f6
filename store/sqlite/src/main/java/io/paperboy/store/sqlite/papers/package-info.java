/**
 * {@link io.paperboy.store.PaperStore} on SQLite: digests and papers, read
 * ({@code PaperReads}), written day by day or in bulk ({@code PaperWrites}, {@code DigestWriter},
 * {@code PaperViews}) and searched ({@code PaperSearch} over the FTS5 index).
 */
package io.paperboy.store.sqlite.papers;
