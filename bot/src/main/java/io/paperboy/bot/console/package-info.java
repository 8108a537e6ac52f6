/**
 * The console channel: a person types commands on stdin and reads answers and daily posts as
 * plain text on stdout. Used on embedded defaults, by {@code paperboy ask}, and by operators.
 */
package io.paperboy.bot.console;
