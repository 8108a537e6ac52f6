/**
 * The Discord adapter, built on JDA: {@link io.paperboy.discord.DiscordBot} starts the
 * session and registers the slash commands from the platform-neutral command definitions,
 * {@link io.paperboy.discord.DiscordCommandListener} turns interactions into command requests
 * and answers them, {@link io.paperboy.discord.DiscordRenderer} draws a
 * {@link io.paperboy.core.message.Message} as Discord messages within every Discord limit,
 * {@link io.paperboy.discord.DiscordGateway} posts to channels for the delivery worker, and
 * {@link io.paperboy.discord.DiscordPreview} prints the exact request bodies of a post.
 *
 * <p>At scale: {@link io.paperboy.discord.DiscordBot} runs this instance's shards through JDA's
 * {@code ShardManager} ({@link io.paperboy.discord.ShardPlan}) and everything that needs a session
 * asks {@code DiscordShards} for the guild's shard; {@link io.paperboy.discord.DiscordPacing}
 * paces every REST request before it is sent, on a limit shared through the database, and stops
 * posting near Discord's invalid-request ban; {@link io.paperboy.discord.DiscordConnection} keeps
 * retrying while Discord is unreachable and reports readiness.
 *
 * <p>The only package that imports JDA; digest text never pings anyone (allowed mentions are
 * empty unless a message explicitly carries a {@link io.paperboy.core.message.Mention}).
 */
package io.paperboy.discord;
