/**
 * Platform-neutral formatting: turning stored papers and digests into {@link
 * io.paperboy.core.message.Message}s, and the text helpers every renderer shares (author list
 * shortening, grapheme-safe cutting, LaTeX-ish title cleanup).
 */
package io.paperboy.core.format;
