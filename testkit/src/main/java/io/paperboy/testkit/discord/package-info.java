/**
 * A loopback fake of Discord that speaks the platform's real protocol — REST and the gateway
 * WebSocket on 127.0.0.1 (TCP_NODELAY), so that unmodified JDA can be driven against it — used by
 * the tests and by {@code paperboy bench}; it binds only the loopback address and is never
 * reachable from outside 127.0.0.1. It records every request, answers the way Discord does
 * (message objects, thread channels, interaction callbacks), and can be scripted to fail a route
 * (a per-route 429, a Discord error code) or to ask for a reconnect.
 */
package io.paperboy.testkit.discord;
