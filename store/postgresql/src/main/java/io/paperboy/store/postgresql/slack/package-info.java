/**
 * The Slack distribution ports on PostgreSQL: tables {@code slack_installation} and
 * {@code slack_oauth_state} (migration V15). Claiming a refresh lease and taking a state are single
 * conditional statements, so concurrent instances serialise on the row and one of them wins.
 */
package io.paperboy.store.postgresql.slack;
