/**
 * The command line (picocli): {@code run} (the default), {@code ingest}, {@code export},
 * {@code ask}, {@code preview}, {@code subscriptions}. {@code --db}, {@code --config} and
 * {@code --now} are declared once on the top command and inherited, so they may stand before or
 * after the subcommand's name.
 */
package io.paperboy.bot.cli;
