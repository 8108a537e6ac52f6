/**
 * A loopback fake of Slack that speaks the platform's real protocols on 127.0.0.1 — the Web API
 * over HTTP ({@code auth.test}, {@code chat.postMessage} with Block Kit validation,
 * {@code users.info}, {@code conversations.history|replies}, {@code apps.connections.open}),
 * {@code response_url}s and a Socket Mode WebSocket server — plus the request-signing helper
 * Slack's HTTP mode needs. Used by the tests and by {@code paperboy bench}; it binds only the
 * loopback address and is never reachable from outside 127.0.0.1. TCP_NODELAY is on for every
 * accepted socket so loopback calls do not stall on Nagle.
 */
package io.paperboy.testkit.slack;
