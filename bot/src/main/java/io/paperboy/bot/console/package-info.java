/**
 * The console channel: a person types commands and reads answers and daily posts in the terminal.
 * On a terminal it is a line editor (JLine) whose prompt stays at the bottom while posts and log
 * lines print above it; on piped streams it reads line by line and writes no control codes. Used
 * on embedded defaults, by {@code paperboy ask}, and by operators.
 */
package io.paperboy.bot.console;
