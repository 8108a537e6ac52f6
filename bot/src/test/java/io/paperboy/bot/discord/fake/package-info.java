/**
 * A fake Discord for tests: REST and the gateway WebSocket on 127.0.0.1 (TCP_NODELAY), speaking
 * the real protocol so that unmodified JDA can be driven against it. It records every request,
 * answers the way Discord does (message objects, thread channels, interaction callbacks), and can
 * be scripted to fail a route (a per-route 429, a Discord error code) or to ask for a reconnect.
 */
package io.paperboy.bot.discord.fake;
