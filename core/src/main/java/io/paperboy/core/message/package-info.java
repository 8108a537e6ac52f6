/**
 * The platform-neutral message model: a small tree of blocks (header, paper cards, text,
 * context, divider, image, an attached image file such as a chart) that commands return and each platform's renderer draws. Knows no
 * platform and imports neither JDA nor Bolt (an architecture test enforces it).
 *
 * <p><b>Renderers are exhaustive by construction.</b> {@link io.paperboy.core.message.Block} is
 * a sealed interface, and everything that draws blocks implements
 * {@link io.paperboy.core.message.Block.Visitor}, which has one {@code visit} method per kind of
 * block. A new kind adds a method there, so every renderer that forgets it (Discord, Slack, the
 * console) fails to compile instead of throwing "unknown block" at run time. A pattern
 * {@code switch} over the sealed type would give the compiler the same check without the
 * visitor, but pattern matching for {@code switch} is final only in Java 21, and Paperboy targets
 * Java 17; the visitor is the Java 17 way to the same guarantee. When the project moves to 21 the
 * visitors can become switches.
 *
 * <p>A question about one kind only ("is this a paper card?") stays an {@code instanceof}: it has
 * a right answer for any future kind (no), so it needs no exhaustiveness.
 */
package io.paperboy.core.message;
