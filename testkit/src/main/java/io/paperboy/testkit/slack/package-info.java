/**
 * A loopback fake of Slack that speaks the platform's real protocols on 127.0.0.1 — the Web API
 * over HTTP ({@code auth.test}, {@code chat.postMessage} with Block Kit validation,
 * {@code users.info}, {@code conversations.history|replies}, {@code apps.connections.open},
 * {@code oauth.v2.access}, the external file upload flow), {@code response_url}s, upload URLs and
 * a Socket Mode WebSocket server — plus the request-signing helper and the Events API payloads an
 * app's HTTP endpoint receives. Used by the tests and by {@code paperboy bench}; it binds only the
 * loopback address and is never reachable from outside 127.0.0.1. TCP_NODELAY is on for every
 * accepted socket so loopback calls do not stall on Nagle.
 *
 * <p>For many workspaces it keeps teams apart ({@link io.paperboy.testkit.slack.FakeTeam}: each
 * bot token belongs to one team and sees only its channels), issues OAuth codes and rotating
 * tokens, and revokes them; for scale it enforces Slack's rate limits when asked
 * ({@link io.paperboy.testkit.slack.SlackLimits}) and counts 429s per method and token.
 */
package io.paperboy.testkit.slack;
