/**
 * A loopback chat platform that speaks Discord's and Slack's real posting protocols (Discord's
 * nonce dedup, Slack's metadata markers and history), with Discord's documented rate limits and
 * injectable faults, plus the HTTP {@link io.paperboy.core.gateway.ChannelGateway} that posts to
 * it. Used by the delivery tests and by {@code paperboy bench}'s fan-out row; it binds only the
 * loopback address and is never reachable from outside 127.0.0.1.
 */
package io.paperboy.testkit.platform;
