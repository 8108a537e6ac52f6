/**
 * Keyword alerts: the {@code /alert} commands (add, list, remove, test) and the message an alert
 * delivery posts. Matching new papers against alerts happens in the scheduler at ingest.
 */
package io.paperboy.bot.alerts;
