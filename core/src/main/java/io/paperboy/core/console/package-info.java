/**
 * The console's renderer: a message as terminal text. Used by the console channel, by
 * {@code paperboy ask} and by the loopback test platform; the folder it saves attached images in.
 */
package io.paperboy.core.console;
