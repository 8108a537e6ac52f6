/**
 * The console's renderer: a message as terminal text, its markdown rendered from the CommonMark
 * tree (bullets, numbers, {@code title <url>}, indented code) and styled with ANSI bold and italic
 * only for a terminal ({@link io.paperboy.core.console.TerminalStyle}). Used by the console
 * channel, by {@code paperboy ask} and by the loopback test platform; the folder it saves attached
 * images in.
 */
package io.paperboy.core.console;
