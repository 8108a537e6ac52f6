/**
 * The Slack distribution ports on SQLite: tables {@code slack_installation} and
 * {@code slack_oauth_state} (migration V15).
 */
package io.paperboy.store.sqlite.slack;
