/**
 * The composition root: {@link io.paperboy.bot.Main} builds the object graph with plain
 * constructors and hands each component only what it needs.
 */
package io.paperboy.bot;
