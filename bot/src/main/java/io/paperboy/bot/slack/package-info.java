/**
 * The Slack adapter, built on Bolt for Java: slash commands in Socket Mode or HTTP mode
 * ({@link io.paperboy.bot.slack.SlackBot}, {@link io.paperboy.bot.slack.SlackSocketMode},
 * {@link io.paperboy.bot.slack.SlackHttpServer}), Block Kit rendering of platform-neutral messages
 * ({@link io.paperboy.bot.slack.SlackRenderer}, {@link io.paperboy.bot.slack.SlackMrkdwn}) and
 * posting through the delivery contract ({@link io.paperboy.bot.slack.SlackGateway}). The only
 * package besides the Discord adapter that may import Slack types.
 */
package io.paperboy.bot.slack;
