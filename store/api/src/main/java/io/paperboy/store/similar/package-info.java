/**
 * Papers alike by content, for {@code /similar} and the related papers of {@code /paper}: a TF-IDF
 * index over the same tokens the search uses ({@link io.paperboy.store.search.SearchTokens}),
 * built in memory from what any backend streams ({@link io.paperboy.store.PaperStore#paperTexts}),
 * so every backend gives the same answers without a similarity feature of its own.
 */
package io.paperboy.store.similar;
