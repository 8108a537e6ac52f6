/**
 * The command line (picocli): {@code run} (the default), {@code ingest}, {@code export},
 * {@code ask}, {@code preview}. Every subcommand takes {@code --db}, {@code --config} and
 * {@code --now}; options come after the subcommand name.
 */
package io.paperboy.bot.cli;
