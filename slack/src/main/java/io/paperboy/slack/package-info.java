/**
 * The Slack adapter, built on Bolt for Java: slash commands in Socket Mode or HTTP mode
 * ({@link io.paperboy.slack.SlackBot}, {@link io.paperboy.slack.SlackSocketMode},
 * {@link io.paperboy.slack.SlackHttpServer}, where {@code SlackRequestGuard} lets only fresh,
 * first-seen, bounded requests Slack signed reach Bolt), Block Kit rendering of platform-neutral
 * messages ({@link io.paperboy.slack.SlackRenderer}, {@link io.paperboy.slack.SlackMrkdwn}) and
 * posting through the delivery contract ({@link io.paperboy.slack.SlackGateway}). The only
 * package besides the Discord adapter that may import Slack types.
 */
package io.paperboy.slack;
