/**
 * A fake Slack for tests, speaking the real protocols on 127.0.0.1: the Web API over HTTP
 * ({@code auth.test}, {@code chat.postMessage} with Block Kit validation, {@code users.info},
 * {@code conversations.history|replies}, {@code apps.connections.open}), {@code response_url}s,
 * and a Socket Mode WebSocket server; plus the request-signing helper Slack's HTTP mode needs.
 * TCP_NODELAY is on for every accepted socket so loopback calls do not stall on Nagle.
 */
package io.paperboy.bot.slack.fake;
