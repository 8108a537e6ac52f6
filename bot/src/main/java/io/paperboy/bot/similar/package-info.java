/**
 * {@code /similar ID [n]} and the related papers under a {@code /paper} card: papers alike by
 * title and summary ({@link io.paperboy.store.similar.SimilarPapers}), each with the words it
 * shares as its reason, as platform-neutral messages.
 */
package io.paperboy.bot.similar;
