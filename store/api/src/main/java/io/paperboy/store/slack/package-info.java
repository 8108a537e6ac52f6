/**
 * Slack distribution: the app's installations per workspace or Enterprise Grid organization
 * (bot tokens, their rotation and the lease that lets one instance refresh them), and the one-time
 * OAuth states of install flows in progress. Stored in Paperboy's own database so that every
 * instance sees the same installations.
 */
package io.paperboy.store.slack;
