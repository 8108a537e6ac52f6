/**
 * Slack for many workspaces: Bolt's OAuth install flow on Paperboy's own database (installations
 * and one-time states through the store ports), the bot token of each workspace, and token
 * rotation with one refresh per installation across every instance.
 */
package io.paperboy.slack.install;
