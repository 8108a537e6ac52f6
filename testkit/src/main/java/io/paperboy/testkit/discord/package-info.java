/**
 * A loopback fake of Discord that speaks the platform's real protocol — REST and the gateway
 * WebSocket on 127.0.0.1 (TCP_NODELAY), so that unmodified JDA can be driven against it — used by
 * the tests and by {@code paperboy bench}; it binds only the loopback address and is never
 * reachable from outside 127.0.0.1. It records every request, answers the way Discord does
 * (message objects, thread channels, interaction callbacks, file attachments from
 * {@code multipart/form-data}), and can be scripted to fail a route (a 429 of any scope, a Discord
 * error code, a rejected token) or to ask for a reconnect.
 *
 * <p>For scale-out it also enforces Discord's limits when asked ({@link
 * io.paperboy.testkit.discord.DiscordLimits}): per-route buckets and the global limit with
 * Discord's headers and 429 bodies, invalid-request counts per token, IDENTIFY concurrency; and
 * it shards: {@code GET /gateway/bot}, one session per IDENTIFY with {@code shard: [id, count]},
 * each guild on shard {@code (guild_id >> 22) % count}, resumes that replay missed events.
 */
package io.paperboy.testkit.discord;
