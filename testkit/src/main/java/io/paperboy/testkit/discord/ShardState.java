package io.paperboy.testkit.discord;

import java.util.List;
import java.util.Optional;

/**
 * What the fake gateway saw of one shard id: how often it identified, was refused an identify
 * (op 9, too many at once for its rate-limit key) and resumed, whether a connection serves it now,
 * and the guilds its latest session was given. An unsharded connection (IDENTIFY without
 * {@code shard}) is shard 0 of 1, as Discord treats it.
 *
 * @param shardId         the shard id
 * @param shardCount      the shard count of its latest IDENTIFY
 * @param identifies      accepted IDENTIFYs (each one a new session and a READY)
 * @param refused         IDENTIFYs answered with op 9 INVALID_SESSION (identify rate limit)
 * @param resumes         RESUMEs answered with RESUMED
 * @param connected       whether a WebSocket currently serves its session
 * @param sessionId       its latest session, if any
 * @param guildIds        the guilds in its latest READY, by {@code (guild_id >> 22) % shardCount}
 */
public record ShardState(int shardId, int shardCount, int identifies, int refused, int resumes, boolean connected,
    Optional<String> sessionId, List<String> guildIds) {}
