/**
 * The reading commands — {@code /paper}, {@code /top}, {@code /search}, {@code /digest},
 * {@code /help} — answering from the store with platform-neutral messages.
 */
package io.paperboy.bot.commands;
