/**
 * Reading the Daily Papers markdown digest: {@link io.paperboy.scheduler.digest.DigestParser} turns
 * one day's file into a {@link io.paperboy.store.Digest}, taking every shape the public history
 * has used, and refuses — as a whole, with {@code file:line: reason} — anything that is not a
 * digest. Parsing works on the commonmark AST and its source spans, so summaries keep their
 * original markdown.
 */
package io.paperboy.scheduler.digest;
